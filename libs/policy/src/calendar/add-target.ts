import { DateTime } from 'luxon';
import type { ClockTarget } from '../schema/clock.schema';
import type { TargetUnit, WallClockUnit } from '../schema/policy-vocabulary';
import type { BusinessCalendar, InstantInput } from './business-calendar';
import { firstOccurrence } from './local-time';

/** Which kind of time a unit counts, which is also how pauses and warnings are measured. */
export type TimeKind = 'business' | 'elapsed' | 'wall_clock';

export function timeKindOf(unit: TargetUnit): TimeKind {
  switch (unit) {
    case 'business_minutes':
    case 'business_hours':
    case 'business_days':
      return 'business';
    case 'seconds':
    case 'minutes':
    case 'hours':
      return 'elapsed';
    case 'days':
    case 'weeks':
    case 'months':
      return 'wall_clock';
  }
}

const ELAPSED_MS = { seconds: 1_000, minutes: 60_000, hours: 3_600_000 } as const;

/**
 * Days, weeks and months added in the zone keeping the local wall-clock time, so a DST
 * change does not move the local time of the deadline. A time that does not exist that day
 * moves forward by the gap (luxon); a repeated one means its first occurrence.
 */
export function addWallClock(from: InstantInput, amount: number, unit: WallClockUnit, zone: string): Date {
  const local = DateTime.fromMillis(typeof from === 'number' ? from : from.getTime(), { zone }).plus({
    [unit]: amount,
  });
  return new Date(firstOccurrence(local));
}

/** The deadline `target` after `from` on a calendar: business, elapsed or wall-clock time. */
export function addTarget(calendar: BusinessCalendar, from: InstantInput, target: ClockTarget): Date {
  const start = typeof from === 'number' ? from : from.getTime();
  switch (target.unit) {
    case 'business_minutes':
      return calendar.addBusinessMinutes(start, target.amount);
    case 'business_hours':
      return calendar.addBusinessHours(start, target.amount);
    case 'business_days':
      return calendar.addBusinessDays(start, target.amount);
    case 'seconds':
    case 'minutes':
    case 'hours':
      return new Date(start + Math.round(target.amount * ELAPSED_MS[target.unit]));
    case 'days':
    case 'weeks':
    case 'months':
      return addWallClock(start, target.amount, target.unit, calendar.zone);
  }
}
