import { DateTime } from 'luxon';
import { NoOpenTimeError, UnsupportedInstantError } from '../policy-errors';
import { epochDayToIsoDate, isoDateToEpochDay } from './civil-date';
import type { DayOpening, DayRules } from './day-openings';
import { localTimeToInstant } from './local-time';

export const FIRST_SUPPORTED_YEAR = 1971;
export const LAST_SUPPORTED_YEAR = 2199;
/** How far past its start a search for open time may look before giving up. */
export const SEARCH_HORIZON_YEARS = 25;

/**
 * First index in a sorted array whose value is greater than `value` or, when `orEqual`,
 * at least `value`: the one bisection every lookup uses.
 */
function bisect(values: readonly number[], value: number, orEqual: boolean): number {
  let low = 0;
  let high = values.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    const probe = values[mid] as number;
    if (probe < value || (!orEqual && probe === value)) low = mid + 1;
    else high = mid;
  }
  return low;
}

const upperBound = (values: readonly number[], value: number): number => bisect(values, value, false);
const lowerBound = (values: readonly number[], value: number): number => bisect(values, value, true);

/** A stretch of open time inside one local day. */
export interface OpenSegment {
  readonly date: string;
  readonly start: number;
  readonly end: number;
}

/**
 * A calendar's open time laid out as flat, sorted arrays over whole local months, built once
 * (luxon and the holiday library are only called here) and then searched by bisection, so a
 * deadline costs a couple of binary searches and no time-zone work. Months are added on
 * demand at either end; every search is bounded by SEARCH_HORIZON_YEARS.
 */
/** `YYYY-MM-01` of a month index (year × 12 + month − 1). */
function monthStart(month: number): string {
  const year = Math.floor(month / 12);
  return `${String(year).padStart(4, '0')}-${String((month % 12) + 1).padStart(2, '0')}-01`;
}

export class BusinessTimeline {
  /** Materialised months as year × 12 + month − 1. */
  private firstMonth = 0;
  private lastMonth = -1;
  private firstDay = 0;
  /** Start instant of each materialised local day, plus the start of the day after the last. */
  private dayStarts: number[] = [];
  private days: DayOpening[] = [];
  private starts: number[] = [];
  private ends: number[] = [];
  /** Open ms from the first materialised instant to the end of each interval. */
  private cumulative: number[] = [];
  private businessDays: number[] = [];
  private closes: number[] = [];

  constructor(private readonly rules: DayRules) {}

  /** Open ms inside [from, to). */
  openBetween(from: number, to: number): number {
    this.cover(from);
    this.cover(to);
    return this.openBefore(to) - this.openBefore(from);
  }

  /** The instant at which `amount` ms of open time have passed since `from`. */
  addOpen(from: number, amount: number): number {
    this.cover(from);
    if (amount === 0) return this.nextOpen(from);
    const target = this.openBefore(from) + amount;
    while (this.totalOpen() < target) this.extendForward(from);
    const index = lowerBound(this.cumulative, target);
    return (this.ends[index] as number) - ((this.cumulative[index] as number) - target);
  }

  /** `from` if open then, else the next opening. */
  nextOpen(from: number): number {
    this.cover(from);
    while (upperBound(this.ends, from) >= this.ends.length) this.extendForward(from);
    return Math.max(from, this.starts[upperBound(this.ends, from)] as number);
  }

  isOpen(at: number): boolean {
    this.cover(at);
    const index = upperBound(this.ends, at);
    return index < this.starts.length && (this.starts[index] as number) <= at;
  }

  /** Close of business of the `count`-th business day strictly after the local date of `from`. */
  closeOfBusinessDay(from: number, count: number): number {
    this.cover(from);
    const day = this.dayNumberOf(from);
    const first = upperBound(this.businessDays, day);
    while (first + count - 1 >= this.businessDays.length) this.extendForward(from);
    return this.closes[first + count - 1] as number;
  }

  /** The business days strictly after the local date of `from`, up to and including `until`'s date. */
  businessDaysBetween(from: number, until: number): DayOpening[] {
    this.cover(from);
    this.cover(until);
    const first = upperBound(this.businessDays, this.dayNumberOf(from));
    const last = upperBound(this.businessDays, this.dayNumberOf(until));
    return this.businessDays.slice(first, last).map((day) => this.days[day - this.firstDay] as DayOpening);
  }

  /** Every local day from the date of `from` to the date of `to`, both included. */
  daysBetween(from: number, to: number): DayOpening[] {
    this.cover(from);
    this.cover(to);
    return this.days.slice(this.dayNumberOf(from) - this.firstDay, this.dayNumberOf(to) - this.firstDay + 1);
  }

  dayOf(at: number): DayOpening {
    this.cover(at);
    return this.days[this.dayNumberOf(at) - this.firstDay] as DayOpening;
  }

  /** Open time inside [from, to), split at interval ends. */
  openSegments(from: number, to: number): OpenSegment[] {
    this.cover(from);
    this.cover(to);
    const segments: OpenSegment[] = [];
    for (let index = upperBound(this.ends, from); index < this.starts.length; index++) {
      const start = Math.max(from, this.starts[index] as number);
      if (start >= to) break;
      const end = Math.min(to, this.ends[index] as number);
      segments.push({ date: this.dayOf(start).date, start, end });
    }
    return segments;
  }

  private openBefore(at: number): number {
    const index = upperBound(this.ends, at);
    if (index >= this.starts.length) return this.totalOpen();
    const before = index > 0 ? (this.cumulative[index - 1] as number) : 0;
    const start = this.starts[index] as number;
    return at > start ? before + (at - start) : before;
  }

  private totalOpen(): number {
    return this.cumulative.length > 0 ? (this.cumulative[this.cumulative.length - 1] as number) : 0;
  }

  private dayNumberOf(at: number): number {
    return this.firstDay + upperBound(this.dayStarts, at) - 1;
  }

  private monthOf(at: number): number {
    const date = epochDayToIsoDate(this.dayNumberOf(at));
    return Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1;
  }

  /** Makes sure the local day holding `at` is materialised. */
  private cover(at: number): void {
    if (
      this.dayStarts.length > 0 &&
      at >= (this.dayStarts[0] as number) &&
      at < (this.dayStarts.at(-1) as number)
    ) {
      return;
    }
    const local = DateTime.fromMillis(at, { zone: this.rules.zone });
    if (!(local.year >= FIRST_SUPPORTED_YEAR && local.year <= LAST_SUPPORTED_YEAR)) {
      throw new UnsupportedInstantError(
        `${new Date(at).toISOString()} is outside the supported years ${FIRST_SUPPORTED_YEAR}–${LAST_SUPPORTED_YEAR}`,
      );
    }
    const month = local.year * 12 + local.month - 1;
    if (this.dayStarts.length === 0) this.rebuild(month, month);
    // Going back rebuilds everything, so go back a year at a time to keep that rare.
    else if (month < this.firstMonth) {
      this.rebuild(
        Math.max(Math.min(month, this.firstMonth - 12), FIRST_SUPPORTED_YEAR * 12),
        this.lastMonth,
      );
    } else if (month > this.lastMonth) this.append(month);
  }

  /** One more month, unless the search has gone past its horizon. */
  private extendForward(from: number): void {
    const next = this.lastMonth + 1;
    if (next > Math.min(this.monthOf(from) + SEARCH_HORIZON_YEARS * 12, LAST_SUPPORTED_YEAR * 12 + 11)) {
      throw new NoOpenTimeError(
        `the calendar (${this.rules.zone}) has too little open time within ${SEARCH_HORIZON_YEARS} years after ` +
          `${new Date(from).toISOString()} for this deadline; check its opening hours and holidays`,
      );
    }
    this.append(next);
  }

  private rebuild(firstMonth: number, lastMonth: number): void {
    this.firstMonth = firstMonth;
    this.lastMonth = firstMonth - 1;
    this.firstDay = isoDateToEpochDay(monthStart(firstMonth));
    this.dayStarts = [this.startOfDay(this.firstDay)];
    this.days = [];
    this.starts = [];
    this.ends = [];
    this.cumulative = [];
    this.businessDays = [];
    this.closes = [];
    this.append(lastMonth);
  }

  /** Materialises every month after the last one up to `toMonth`. */
  private append(toMonth: number): void {
    const lastDay = isoDateToEpochDay(monthStart(toMonth + 1)) - 1;
    let day = this.firstDay + this.days.length;
    let total = this.totalOpen();
    for (; day <= lastDay; day++) {
      const opening = this.rules.openingOn(epochDayToIsoDate(day));
      const dayStart = this.dayStarts.at(-1) as number;
      const nextDayStart = this.startOfDay(day + 1);
      this.days.push(opening);
      this.dayStarts.push(nextDayStart);
      for (const [openAt, closeAt] of opening.intervals) {
        // Keeps the flat arrays sorted even if a DST shift pushed an end past midnight.
        const start = Math.max(openAt, dayStart);
        const end = Math.min(closeAt, nextDayStart);
        if (end <= start) continue;
        total += end - start;
        this.starts.push(start);
        this.ends.push(end);
        this.cumulative.push(total);
      }
      if (this.ends.length > 0 && (this.ends.at(-1) as number) > dayStart) {
        this.businessDays.push(day);
        this.closes.push(this.ends.at(-1) as number);
      }
    }
    this.lastMonth = Math.max(this.lastMonth, toMonth);
  }

  private startOfDay(day: number): number {
    return localTimeToInstant(this.rules.zone, epochDayToIsoDate(day), 0).millis;
  }
}
