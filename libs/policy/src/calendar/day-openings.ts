import type { CalendarSpec } from '../schema/calendar.schema';
import { WEEKDAYS } from '../schema/policy-vocabulary';
import { isoDateToEpochDay, isoWeekdayOfEpochDay } from './civil-date';
import { publicHolidays } from './holiday-source';
import { localTimeToInstant, parseTimeOfDay } from './local-time';

type MinuteInterval = readonly [from: number, to: number];

/** What one local date looks like in a calendar. */
export interface DayOpening {
  readonly date: string;
  /** Open instants (epoch ms), sorted and disjoint. */
  readonly intervals: readonly (readonly [start: number, end: number])[];
  readonly holiday?: string;
  readonly extraWorkingDay?: string;
}

/**
 * The calendar's rules in the shape day lookups need: weekly minutes per ISO weekday, and
 * the dated exceptions by date.
 */
export class DayRules {
  private readonly weekly: MinuteInterval[][] = [[], [], [], [], [], [], [], []];
  private readonly extraDays = new Map<string, { intervals: MinuteInterval[]; name: string }>();
  private readonly addedHolidays = new Map<string, string>();
  private readonly removedHolidays = new Set<string>();

  constructor(private readonly spec: CalendarSpec) {
    for (const entry of spec.opening) {
      for (const day of new Set(entry.days)) {
        this.weekly[WEEKDAYS.indexOf(day) + 1]?.push([parseTimeOfDay(entry.from), parseTimeOfDay(entry.to)]);
      }
    }
    for (const extra of spec.extraWorkingDays) {
      const intervals = extra.opening.map((o): MinuteInterval => [
        parseTimeOfDay(o.from),
        parseTimeOfDay(o.to),
      ]);
      this.extraDays.set(extra.date, { intervals, name: extra.name ?? 'extra working day' });
    }
    for (const added of spec.holidays.add) this.addedHolidays.set(added.date, added.name ?? 'holiday');
    for (const removed of spec.holidays.remove) this.removedHolidays.add(removed.date);
  }

  get zone(): string {
    return this.spec.zone;
  }

  /** An extra working day wins over a holiday on the same date: it is the more specific rule. */
  openingOn(date: string): DayOpening {
    const extra = this.extraDays.get(date);
    if (extra)
      return { date, intervals: this.toInstants(date, extra.intervals), extraWorkingDay: extra.name };
    const holiday = this.holidayOn(date);
    if (holiday !== undefined) return { date, intervals: [], holiday };
    const weekday = isoWeekdayOfEpochDay(isoDateToEpochDay(date));
    return { date, intervals: this.toInstants(date, this.weekly[weekday] ?? []) };
  }

  holidayOn(date: string): string | undefined {
    if (this.removedHolidays.has(date)) return undefined;
    const added = this.addedHolidays.get(date);
    if (added !== undefined) return added;
    const region = this.spec.holidays.region;
    return region === undefined ? undefined : publicHolidays(region, Number(date.slice(0, 4))).get(date);
  }

  /**
   * Local intervals → instants. An interval wholly inside a spring-forward gap is empty;
   * shifted ends can make intervals touch or overlap, so the day's open time is their union.
   */
  private toInstants(date: string, intervals: readonly MinuteInterval[]): [number, number][] {
    const instants: [number, number][] = [];
    for (const [from, to] of intervals) {
      const start = localTimeToInstant(this.spec.zone, date, from);
      const end = localTimeToInstant(this.spec.zone, date, to);
      if ((start.inGap && end.inGap) || end.millis <= start.millis) continue;
      instants.push([start.millis, end.millis]);
    }
    instants.sort((a, b) => a[0] - b[0]);
    const merged: [number, number][] = [];
    for (const interval of instants) {
      const last = merged[merged.length - 1];
      if (last && interval[0] <= last[1]) last[1] = Math.max(last[1], interval[1]);
      else merged.push([interval[0], interval[1]]);
    }
    return merged;
  }
}
