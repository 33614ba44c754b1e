import { addTarget } from '../calendar/add-target';
import type { BusinessCalendar } from '../calendar/business-calendar';
import { addDaysToIsoDate } from '../calendar/civil-date';
import { localTimeToInstant } from '../calendar/local-time';
import { InvalidClockFactsError } from '../policy-errors';
import type { ClockSpec } from '../schema/clock.schema';
import { describeTarget, formatLocalWithOffset } from '../text/time-text';

export interface ExpectedDeadline {
  readonly at: number;
  readonly step: string;
}

/**
 * The deadline an agent set for a complex complaint. A date means close of business that
 * day (the end of the day if it has no opening); pauses never move it, since the agent chose
 * it knowing them.
 */
export function expectedDeadline(
  calendar: BusinessCalendar,
  clock: ClockSpec,
  start: number,
  expected: number | string,
): ExpectedDeadline {
  const zone = calendar.zone;
  let at: number;
  let how: string;
  if (typeof expected === 'number') {
    at = expected;
    how = 'the instant set';
  } else {
    const day = calendar.dayOf(localTimeToInstant(zone, expected, 12 * 60).millis);
    const close = day.intervals.at(-1)?.[1];
    at = close ?? localTimeToInstant(zone, addDaysToIsoDate(expected, 1), 0).millis;
    how =
      close === undefined
        ? `the end of ${expected}, which has no opening`
        : `close of business on ${expected}`;
  }
  if (at <= start) {
    throw new InvalidClockFactsError([
      {
        path: 'expectedDate',
        message: `must be after the ${clock.id} clock started (${formatLocalWithOffset(start, zone)})`,
      },
    ]);
  }
  const max = clock.expectedDate?.max;
  if (max) {
    const limit = addTarget(calendar, start, max).getTime();
    if (at > limit) {
      throw new InvalidClockFactsError([
        {
          path: 'expectedDate',
          message: `is after the latest date the policy allows for ${clock.id}: ${describeTarget(max)} (${formatLocalWithOffset(limit, zone)})`,
        },
      ]);
    }
  }
  return {
    at,
    step: `an agent set the expected date: ${how} → ${formatLocalWithOffset(at, zone)}; pauses do not move an agreed date`,
  };
}
