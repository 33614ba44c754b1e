/**
 * Turns `$name` placeholders into positional `?` with their values in order, for statements
 * that use a value several times (a zone, a window's bounds).
 */
export function namedParams(sql: string, values: Readonly<Record<string, unknown>>): [string, unknown[]] {
  const params: unknown[] = [];
  const text = sql.replace(/\$([a-z]+)/g, (_, name: string) => {
    if (!(name in values)) throw new Error(`no value for $${name}`);
    params.push(values[name]);
    return '?';
  });
  return [text, params];
}
