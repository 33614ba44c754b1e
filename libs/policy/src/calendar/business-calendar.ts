import type { CalendarSpec } from '../schema/calendar.schema';
import { BusinessTimeline, type OpenSegment } from './business-timeline';
import { type DayOpening, DayRules } from './day-openings';

export type InstantInput = Date | number;

const HOUR_MS = 3_600_000;
const MINUTE_MS = 60_000;

/** Epoch ms of an instant; an invalid date is refused rather than counted as NaN. */
export function toMillis(at: InstantInput): number {
  const millis = typeof at === 'number' ? at : at.getTime();
  if (!Number.isFinite(millis)) throw new RangeError('the instant is not a valid date');
  return millis;
}

function checkAmount(amount: number, what: string): void {
  if (!(amount >= 0) || !Number.isFinite(amount)) {
    throw new RangeError(`${what} must be a finite number ≥ 0, got ${amount}`);
  }
}

const byContent = new Map<string, BusinessCalendar>();
const bySpec = new WeakMap<CalendarSpec, BusinessCalendar>();
const MAX_COMPILED = 512;

/**
 * Business-time arithmetic over one policy calendar (POLICIES.md, "Time semantics"). Obtain
 * it with `BusinessCalendar.of(spec)`: calendars are cached by content, so every clock of
 * every complaint on a policy shares one set of day lookups.
 */
export class BusinessCalendar {
  private readonly timeline: BusinessTimeline;
  private readonly rules: DayRules;

  private constructor(readonly spec: CalendarSpec) {
    this.rules = new DayRules(spec);
    this.timeline = new BusinessTimeline(this.rules);
  }

  /** The shared calendar for a validated calendar spec. */
  static of(spec: CalendarSpec): BusinessCalendar {
    const known = bySpec.get(spec);
    if (known) return known;
    const key = JSON.stringify(spec);
    let calendar = byContent.get(key);
    if (!calendar) {
      // Runtime-published policies can bring any number of calendars: drop the oldest.
      if (byContent.size >= MAX_COMPILED) byContent.delete(byContent.keys().next().value as string);
      calendar = new BusinessCalendar(spec);
      byContent.set(key, calendar);
    }
    bySpec.set(spec, calendar);
    return calendar;
  }

  get zone(): string {
    return this.spec.zone;
  }

  /** The instant at which `ms` of open time have passed since `from`; a closing instant stays one. */
  addBusinessMillis(from: InstantInput, ms: number): Date {
    checkAmount(ms, 'business time');
    return new Date(this.timeline.addOpen(toMillis(from), Math.round(ms)));
  }

  addBusinessMinutes(from: InstantInput, minutes: number): Date {
    checkAmount(minutes, 'business minutes');
    return this.addBusinessMillis(from, minutes * MINUTE_MS);
  }

  addBusinessHours(from: InstantInput, hours: number): Date {
    checkAmount(hours, 'business hours');
    return this.addBusinessMillis(from, hours * HOUR_MS);
  }

  /** Close of business of the `days`-th business day strictly after the local date of `from`. */
  addBusinessDays(from: InstantInput, days: number): Date {
    if (!Number.isInteger(days) || days < 1)
      throw new RangeError(`business days must be a whole number ≥ 1, got ${days}`);
    return new Date(this.timeline.closeOfBusinessDay(toMillis(from), days));
  }

  /** Open time (ms) inside [from, to); negative when `to` is before `from`. */
  businessMillisBetween(from: InstantInput, to: InstantInput): number {
    const start = toMillis(from);
    const end = toMillis(to);
    return end >= start ? this.timeline.openBetween(start, end) : -this.timeline.openBetween(end, start);
  }

  isOpenAt(at: InstantInput): boolean {
    return this.timeline.isOpen(toMillis(at));
  }

  /** `at` itself when the calendar is open then, otherwise the next opening. */
  nextOpening(at: InstantInput): Date {
    return new Date(this.timeline.nextOpen(toMillis(at)));
  }

  /** The local date holding `at`, with its open intervals and any holiday or extra working day. */
  dayOf(at: InstantInput): DayOpening {
    return this.timeline.dayOf(toMillis(at));
  }

  /** The business days strictly after the local date of `from`, up to the date of `until`. */
  businessDaysBetween(from: InstantInput, until: InstantInput): DayOpening[] {
    return this.timeline.businessDaysBetween(toMillis(from), toMillis(until));
  }

  /** Every local day from the date of `from` to the date of `to`, both included. */
  daysBetween(from: InstantInput, to: InstantInput): DayOpening[] {
    return this.timeline.daysBetween(toMillis(from), toMillis(to));
  }

  /** The open stretches inside [from, to), one per opening interval. */
  openSegments(from: InstantInput, to: InstantInput): OpenSegment[] {
    return this.timeline.openSegments(toMillis(from), toMillis(to));
  }

  /** The public or added holiday on a local date, if any (removed dates excluded). */
  holidayOn(date: string): string | undefined {
    return this.rules.holidayOn(date);
  }
}
