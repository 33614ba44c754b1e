/**
 * Civil-date arithmetic on `YYYY-MM-DD` strings and day numbers (days since 1970-01-01).
 * No time zone is involved: a local date is a label, and its instants come from luxon.
 */
const DAY_MS = 86_400_000;

export function isoDateToEpochDay(date: string): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY_MS;
}

export function epochDayToIsoDate(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export function addDaysToIsoDate(date: string, days: number): string {
  return epochDayToIsoDate(isoDateToEpochDay(date) + days);
}

/** ISO weekday of a day number: 1 = Monday … 7 = Sunday. */
export function isoWeekdayOfEpochDay(day: number): number {
  // 1970-01-01 was a Thursday (ISO weekday 4).
  return ((((day + 3) % 7) + 7) % 7) + 1;
}
