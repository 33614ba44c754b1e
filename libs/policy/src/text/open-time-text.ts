import type { BusinessCalendar } from '../calendar/business-calendar';
import type { DayOpening } from '../calendar/day-openings';
import { formatClockTime, formatDay, formatDuration } from './time-text';

const LIST_LIMIT = 6;

/**
 * Long lists keep their first and last items (the ends are what a reader checks); only the
 * items shown are formatted.
 */
export function abbreviate<T>(
  items: readonly T[],
  format: (item: T, index: number) => string,
  hidden: string,
): string {
  if (items.length <= LIST_LIMIT) return items.map(format).join(', ');
  const head = items.slice(0, 3).map((item, index) => format(item, index));
  const tail = items.slice(-2).map((item, index) => format(item, items.length - 2 + index));
  return [...head, `… ${items.length - 5} more${hidden}`, ...tail].join(', ');
}

/** "; skipped holidays: Mon 16 Feb (Tết break), …", or nothing when no holiday falls in [from, to]. */
export function skippedHolidays(calendar: BusinessCalendar, from: number, to: number): string {
  const holidays = calendar.daysBetween(from, to).filter((day) => day.holiday !== undefined);
  if (holidays.length === 0) return '';
  return `; skipped holidays: ${abbreviate(holidays, (day) => `${formatDay(day.date)} (${day.holiday})`, '')}`;
}

/** " (make-up working Saturday)" for an extra working day, so a reader sees why it counted. */
export function extraWorkingDayTag(day: DayOpening | undefined): string {
  return day?.extraWorkingDay ? ` (${day.extraWorkingDay})` : '';
}

/**
 * The open time inside [start, end) day by day: "30 min Fri 20 Nov, 1 h 30 min Mon 23 Nov from
 * 09:00". A day's first opening is named unless the span starts inside it.
 */
export function openTimeByDay(calendar: BusinessCalendar, start: number, end: number): string {
  const zone = calendar.zone;
  const byDay = new Map<string, { first: number; ms: number }>();
  for (const segment of calendar.openSegments(start, end)) {
    const day = byDay.get(segment.date);
    if (day) day.ms += segment.end - segment.start;
    else byDay.set(segment.date, { first: segment.start, ms: segment.end - segment.start });
  }
  return abbreviate(
    [...byDay],
    ([date, { first, ms }]) => {
      const from = first === start ? '' : ` from ${formatClockTime(first, zone)}`;
      return `${formatDuration(ms)} ${formatDay(date)}${from}${extraWorkingDayTag(calendar.dayOf(first))}`;
    },
    ' days',
  );
}
