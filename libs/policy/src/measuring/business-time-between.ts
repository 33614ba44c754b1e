import { type BusinessCalendar, type InstantInput, toMillis } from '../calendar/business-calendar';
import { openTimeByDay, skippedHolidays } from '../text/open-time-text';
import { formatDuration, formatLocalWithOffset } from '../text/time-text';

/** The open time of a calendar between two instants, and how it was counted. */
export interface MeasuredBusinessTime {
  /** Open time inside [from, to) in ms; 0 when `to` is not after `from`. */
  readonly businessMs: number;
  /** In the words of the deadline explanations: the open time day by day and the holidays skipped. */
  readonly explanation: string;
}

/**
 * The business time between two instants under a calendar, with the semantics deadlines use
 * (ADR 0020): only time inside the opening intervals counts, so for a deadline
 * `due = addTarget(calendar, t, n business hours)`, `businessTimeBetween(calendar, t, due)` is
 * n hours whether `due` is a closing instant or inside an interval. The sum comes from the
 * timeline's cumulative open time, so a span of months costs two binary searches; only the
 * explanation walks the days.
 */
export function businessTimeBetween(
  calendar: BusinessCalendar,
  from: InstantInput,
  to: InstantInput,
): MeasuredBusinessTime {
  const start = toMillis(from);
  const end = toMillis(to);
  const zone = calendar.zone;
  const span = `from ${formatLocalWithOffset(start, zone)} to ${formatLocalWithOffset(end, zone)} ${zone}`;
  if (end <= start)
    return { businessMs: 0, explanation: `no business time ${span}: the end is not after the start` };
  const businessMs = calendar.businessMillisBetween(start, end);
  const counted = businessMs > 0 ? openTimeByDay(calendar, start, end) : 'closed throughout';
  return {
    businessMs,
    explanation: `${formatDuration(businessMs)} of business time ${span}: ${counted}${skippedHolidays(calendar, start, end)}`,
  };
}
