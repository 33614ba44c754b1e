const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/**
 * A PostgreSQL array literal of plain tokens (uuids, integers, booleans), bound as one text
 * parameter: the driver layer spells a JS array as a list of values, not as one array.
 * Callers check their tokens; nothing here quotes them.
 */
export function pgArray(values: readonly string[]): string {
  return `{${values.join(',')}}`;
}
