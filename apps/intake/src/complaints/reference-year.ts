// Building a formatter costs far more than using one; a service sees a handful of zones.
const yearFormats = new Map<string, Intl.DateTimeFormat>();

/** The calendar year of an instant in the policy's zone: a complaint received on 31 December in Hanoi belongs to that year. */
export function yearInZone(at: Date, zone: string): number {
  let format = yearFormats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone: zone, year: 'numeric' });
    yearFormats.set(zone, format);
  }
  return Number(format.format(at));
}
