import { BusinessCalendar } from '../calendar/business-calendar';
import { builtInPolicy } from '../seeds/built-in-policies';
import { businessMillisOutsidePauses } from './business-time-outside-pauses';

const HOUR = 3_600_000;
// Mimo: 09:00–17:00 UTC on weekdays, no holidays.
const mimo = BusinessCalendar.of(builtInPolicy('mimo').calendar);
const at = (iso: string): number => Date.parse(iso);

describe(businessMillisOutsidePauses.name, () => {
  const monday9 = at('2026-11-23T09:00:00Z');
  const tuesday17 = at('2026-11-24T17:00:00Z');

  it('is the business time between the instants when nothing paused', () => {
    expect(businessMillisOutsidePauses(mimo, monday9, tuesday17, [])).toBe(16 * HOUR);
  });

  it('leaves out the open time inside each pause, clipped to the span', () => {
    const pauses = [
      // Starts before the span: only Monday 09:00–10:00 counts as paused.
      {
        from: at('2026-11-22T12:00:00Z'),
        to: at('2026-11-23T10:00:00Z'),
        reason: 'awaiting_customer' as const,
      },
      // Monday 16:00 to Tuesday 11:00: 1 h Monday and 2 h Tuesday.
      {
        from: at('2026-11-23T16:00:00Z'),
        to: at('2026-11-24T11:00:00Z'),
        reason: 'awaiting_customer' as const,
      },
    ];
    expect(businessMillisOutsidePauses(mimo, monday9, tuesday17, pauses)).toBe(12 * HOUR);
  });

  it('counts nothing after a pause that has not ended', () => {
    const pauses = [{ from: at('2026-11-24T12:00:00Z'), reason: 'awaiting_customer' as const }];
    expect(businessMillisOutsidePauses(mimo, monday9, tuesday17, pauses)).toBe(11 * HOUR);
  });

  it('is 0 when the end is not after the start', () => {
    expect(businessMillisOutsidePauses(mimo, tuesday17, monday9, [])).toBe(0);
  });
});
