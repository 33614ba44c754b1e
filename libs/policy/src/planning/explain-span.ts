import { timeKindOf } from '../calendar/add-target';
import type { BusinessCalendar } from '../calendar/business-calendar';
import type { ClockTarget } from '../schema/clock.schema';
import { abbreviate, extraWorkingDayTag, openTimeByDay, skippedHolidays } from '../text/open-time-text';
import {
  describeTarget,
  formatDay,
  formatLocal,
  formatLocalWithOffset,
  formatOffset,
} from '../text/time-text';

function explainBusinessTime(
  calendar: BusinessCalendar,
  start: number,
  target: ClockTarget,
  due: number,
): string {
  const zone = calendar.zone;
  const steps = openTimeByDay(calendar, start, due);
  return (
    `${describeTarget(target)} from ${formatLocal(start, zone)} ${zone}: ${steps} → ${formatLocal(due, zone)}` +
    skippedHolidays(calendar, start, due)
  );
}

function explainBusinessDays(
  calendar: BusinessCalendar,
  start: number,
  target: ClockTarget,
  due: number,
): string {
  const zone = calendar.zone;
  const days = abbreviate(
    calendar.businessDaysBetween(start, due),
    (day, index) => `${formatDay(day.date)}${extraWorkingDayTag(day)} (${index + 1})`,
    '',
  );
  return (
    `${describeTarget(target)} after ${formatDay(calendar.dayOf(start).date)} ` +
    `(start ${formatLocal(start, zone)} ${zone}), counting ${days}` +
    skippedHolidays(calendar, start, due) +
    `; close of business → ${formatLocalWithOffset(due, zone)}`
  );
}

function dstNote(start: number, due: number, zone: string): string {
  return formatOffset(start, zone) === formatOffset(due, zone)
    ? ''
    : '; the DST change in between does not change the span';
}

/** How `due` was reached from `start` for a clock target, in English. */
export function explainSpan(
  calendar: BusinessCalendar,
  start: number,
  target: ClockTarget,
  due: number,
): string {
  const zone = calendar.zone;
  switch (timeKindOf(target.unit)) {
    case 'business':
      return target.unit === 'business_days'
        ? explainBusinessDays(calendar, start, target, due)
        : explainBusinessTime(calendar, start, target, due);
    case 'elapsed':
      return (
        `${describeTarget(target)} of elapsed time from ${formatLocalWithOffset(start, zone)} ${zone} → ` +
        `${formatLocalWithOffset(due, zone)}${dstNote(start, due, zone)}`
      );
    case 'wall_clock':
      return (
        `${describeTarget(target)} from ${formatLocalWithOffset(start, zone)} keeping the wall-clock time in ${zone} → ` +
        `${formatLocalWithOffset(due, zone)}`
      );
  }
}
