/** The calendar year of an instant in the policy's zone: a complaint received on 31 December in Hanoi belongs to that year. */
export function yearInZone(at: Date, zone: string): number {
  return Number(new Intl.DateTimeFormat('en-US', { timeZone: zone, year: 'numeric' }).format(at));
}
