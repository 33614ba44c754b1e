import { timeKindOf } from '../calendar/add-target';
import type { BusinessCalendar } from '../calendar/business-calendar';
import type { DayOpening } from '../calendar/day-openings';
import type { ClockTarget } from '../schema/clock.schema';
import {
  describeTarget,
  formatClockTime,
  formatDay,
  formatDuration,
  formatLocal,
  formatLocalWithOffset,
  formatOffset,
} from '../text/time-text';

const LIST_LIMIT = 6;

/**
 * Long lists keep their first and last items (the ends are what a reader checks); only the
 * items shown are formatted.
 */
function abbreviate<T>(
  items: readonly T[],
  format: (item: T, index: number) => string,
  hidden: string,
): string {
  if (items.length <= LIST_LIMIT) return items.map(format).join(', ');
  const head = items.slice(0, 3).map((item, index) => format(item, index));
  const tail = items.slice(-2).map((item, index) => format(item, items.length - 2 + index));
  return [...head, `… ${items.length - 5} more${hidden}`, ...tail].join(', ');
}

function skippedHolidays(calendar: BusinessCalendar, from: number, to: number): string {
  const holidays = calendar.daysBetween(from, to).filter((day) => day.holiday !== undefined);
  if (holidays.length === 0) return '';
  return `; skipped holidays: ${abbreviate(holidays, (day) => `${formatDay(day.date)} (${day.holiday})`, '')}`;
}

function extraTag(day: DayOpening | undefined): string {
  return day?.extraWorkingDay ? ` (${day.extraWorkingDay})` : '';
}

function explainBusinessTime(
  calendar: BusinessCalendar,
  start: number,
  target: ClockTarget,
  due: number,
): string {
  const zone = calendar.zone;
  const byDay = new Map<string, { first: number; ms: number }>();
  for (const segment of calendar.openSegments(start, due)) {
    const day = byDay.get(segment.date);
    if (day) day.ms += segment.end - segment.start;
    else byDay.set(segment.date, { first: segment.start, ms: segment.end - segment.start });
  }
  const steps = abbreviate(
    [...byDay],
    ([date, { first, ms }]) => {
      const from = first === start ? '' : ` from ${formatClockTime(first, zone)}`;
      return `${formatDuration(ms)} ${formatDay(date)}${from}${extraTag(calendar.dayOf(first))}`;
    },
    ' days',
  );
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
    (day, index) => `${formatDay(day.date)}${extraTag(day)} (${index + 1})`,
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
