/*
 * A hand-written reading of POLICIES.md's business-day rule for the seed calendars, for
 * tests whose receipts are relative to the wall clock. It is deliberately NOT libs/policy:
 * it only steps over weekdays and a hand-copied holiday list, so a test can say what the
 * deadline must be without asking the code under test. Instants are epoch milliseconds.
 */

const DAY_MS = 24 * 3600_000;

export interface WorkWeek {
  readonly zone: string;
  /** Local opening and closing time of every business day, 'HH:MM'. */
  readonly opens: string;
  readonly closes: string;
  /** Local dates that are not business days, for every year in `years`. */
  readonly holidays: readonly string[];
  /** Local dates (Saturdays) that are business days with the usual hours. */
  readonly extraWorkingDays?: readonly string[];
  /** The years the holiday list covers; a date outside them is refused rather than guessed. */
  readonly years: readonly number[];
}

/** Mimo: the default Mon–Fri 09:00–17:00 UTC, no holidays. */
export const MIMO_WEEK: WorkWeek = { zone: 'UTC', opens: '09:00', closes: '17:00', holidays: [], years: [] };

/** MiT: Asia/Ho_Chi_Minh 08:00–17:00, the holiday library's VN public days plus the 2026 days the policy adds. */
export const MIT_WEEK: WorkWeek = {
  zone: 'Asia/Ho_Chi_Minh',
  opens: '08:00',
  closes: '17:00',
  holidays: [
    // 2026: library (New Year, Tết eve and day, Hùng Kings, 30/4, 1/5, 2/9) and the policy's added dates.
    '2026-01-01', '2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20', '2026-04-26', '2026-04-27',
    '2026-04-30', '2026-05-01', '2026-08-31', '2026-09-01', '2026-09-02',
    // 2027: the library only (the policy adds no 2027 dates yet).
    '2027-01-01', '2027-02-05', '2027-02-06', '2027-04-16', '2027-04-30', '2027-05-01', '2027-09-02',
  ],
  extraWorkingDays: ['2026-08-22'],
  years: [2026, 2027],
};

/** Modmount: Europe/Paris 09:00–18:00 with French public holidays. */
export const MODMOUNT_WEEK: WorkWeek = {
  zone: 'Europe/Paris',
  opens: '09:00',
  closes: '18:00',
  holidays: [
    '2026-01-01', '2026-04-06', '2026-05-01', '2026-05-08', '2026-05-14', '2026-05-25', '2026-07-14', '2026-08-15',
    '2026-11-01', '2026-11-11', '2026-12-25',
    '2027-01-01', '2027-03-29', '2027-05-01', '2027-05-06', '2027-05-08', '2027-05-17', '2027-07-14', '2027-08-15',
    '2027-11-01', '2027-11-11', '2027-12-25',
  ],
  years: [2026, 2027],
};

function parts(zone: string, instant: number): Record<string, number> {
  const formatted = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(instant));
  return Object.fromEntries(formatted.filter((part) => part.type !== 'literal').map((part) => [part.type, Number(part.value)]));
}

function offsetMs(zone: string, instant: number): number {
  const p = parts(zone, instant);
  const wall = Date.UTC(p['year'] as number, (p['month'] as number) - 1, p['day'], p['hour'], p['minute'], p['second']);
  return wall - Math.floor(instant / 1000) * 1000;
}

/** The local calendar date of an instant, 'YYYY-MM-DD'. */
export function localDate(week: WorkWeek, instant: number): string {
  const p = parts(week.zone, instant);
  const pad = (n: number | undefined) => String(n).padStart(2, '0');
  return `${p['year']}-${pad(p['month'])}-${pad(p['day'])}`;
}

/** The instant of a local wall-clock time (no DST gap at the times these calendars use). */
export function localInstant(week: WorkWeek, date: string, time: string): number {
  const naive = Date.parse(`${date}T${time}:00Z`);
  const guess = naive - offsetMs(week.zone, naive);
  return naive - offsetMs(week.zone, guess);
}

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

export function isBusinessDay(week: WorkWeek, date: string): boolean {
  const year = Number(date.slice(0, 4));
  if (week.years.length > 0 && !week.years.includes(year)) {
    throw new Error(`the test's holiday list for ${week.zone} does not cover ${year}: add that year's dates`);
  }
  if (week.extraWorkingDays?.includes(date)) return true;
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return weekday >= 1 && weekday <= 5 && !week.holidays.includes(date);
}

/** The n-th business day strictly after (n > 0) or before (n < 0) a local date. */
export function addBusinessDays(week: WorkWeek, date: string, n: number): string {
  const step = Math.sign(n);
  let day = date;
  for (let left = Math.abs(n); left > 0; ) {
    day = addDays(day, step);
    if (isBusinessDay(week, day)) left--;
  }
  return day;
}

export const closeOf = (week: WorkWeek, date: string): number => localInstant(week, date, week.closes);
export const openOf = (week: WorkWeek, date: string): number => localInstant(week, date, week.opens);

export function isOpen(week: WorkWeek, instant: number): boolean {
  const date = localDate(week, instant);
  return isBusinessDay(week, date) && instant >= openOf(week, date) && instant < closeOf(week, date);
}

/** The first business day whose close of business is after the instant. */
export function businessDayClosingAfter(week: WorkWeek, instant: number): string {
  let date = localDate(week, instant);
  while (!isBusinessDay(week, date) || closeOf(week, date) <= instant) date = addDays(date, 1);
  return date;
}

/** The opening of the first business day after the local date of the instant. */
export function nextOpeningAfterDay(week: WorkWeek, instant: number): number {
  return openOf(week, addBusinessDays(week, localDate(week, instant), 1));
}

/**
 * How much open business time lies in [from, to], for a short interval: all of it or none.
 * An interval across an opening or closing is refused, so the test never guesses.
 */
export function openTimeInShortInterval(week: WorkWeek, from: number, to: number): number {
  const startOpen = isOpen(week, from);
  const endOpen = isOpen(week, to - 1);
  if (startOpen !== endOpen) throw new Error(`the pause ${new Date(from).toISOString()}–${new Date(to).toISOString()} straddles an opening or closing; run the test again`);
  return startOpen ? to - from : 0;
}
