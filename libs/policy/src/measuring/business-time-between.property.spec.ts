import fc from 'fast-check';
import { addTarget } from '../calendar/add-target';
import { BusinessCalendar } from '../calendar/business-calendar';
import type { ClockTarget } from '../schema/clock.schema';
import { BUILT_IN_POLICY_IDS, builtInPolicy } from '../seeds/built-in-policies';
import { businessTimeBetween } from './business-time-between';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const SEEDS = [
  'mimo',
  'mit',
  'modmount',
  'imolocale',
] as const satisfies readonly (typeof BUILT_IN_POLICY_IDS)[number][];

const seedCalendar = fc.constantFrom(...SEEDS).map((id) => BusinessCalendar.of(builtInPolicy(id).calendar));

const FIRST = Date.parse('2025-06-01T00:00:00Z');
const LAST = Date.parse('2027-06-30T00:00:00Z');
/**
 * Any millisecond from mid-2025 to mid-2027 (MiT's 2026 holidays and make-up Saturday, two
 * DST changes a year in Paris), or a quarter-hour, which often is an opening or a closing.
 */
const instant = fc.oneof(
  fc.integer({ min: FIRST, max: LAST }),
  fc
    .integer({ min: FIRST / (15 * MINUTE), max: LAST / (15 * MINUTE) })
    .map((quarter) => quarter * 15 * MINUTE),
);

const between = (calendar: BusinessCalendar, from: number, to: number): number =>
  businessTimeBetween(calendar, from, to).businessMs;

const businessTimeTarget: fc.Arbitrary<{ target: ClockTarget; ms: number }> = fc.oneof(
  fc.integer({ min: 1, max: 30 * 24 * 60 }).map((amount) => ({
    target: { amount, unit: 'business_minutes' as const },
    ms: amount * MINUTE,
  })),
  fc.integer({ min: 1, max: 400 }).map((amount) => ({
    target: { amount, unit: 'business_hours' as const },
    ms: amount * HOUR,
  })),
);

describe(`${businessTimeBetween.name} on the seed calendars`, () => {
  it('gives back n for a deadline n business minutes or hours after t, and n is reached only at the deadline', () => {
    fc.assert(
      fc.property(seedCalendar, instant, businessTimeTarget, (calendar, t, { target, ms }) => {
        const due = addTarget(calendar, t, target).getTime();
        expect(between(calendar, t, due)).toBe(ms);
        // The deadline is the first instant with n behind it: a closing instant, never the next
        // opening (ADR 0020), so the millisecond before it is still open and still counts.
        expect(between(calendar, t, due - 1)).toBe(ms - 1);
      }),
      { numRuns: 400 },
    );
  });

  it("counts, up to a deadline n business days after t, the rest of t's day and the n business days whole", () => {
    fc.assert(
      fc.property(seedCalendar, instant, fc.integer({ min: 1, max: 40 }), (calendar, t, days) => {
        const due = addTarget(calendar, t, { amount: days, unit: 'business_days' }).getTime();
        // Up to the last millisecond before the close: a 24:00 close is already the next date.
        const counted = calendar.businessDaysBetween(t, due - 1);
        expect(counted).toHaveLength(days);
        const restOfStartDay = calendar
          .dayOf(t)
          .intervals.reduce((sum, [open, close]) => sum + Math.max(0, close - Math.max(open, t)), 0);
        const wholeDays = counted.reduce(
          (sum, day) => sum + day.intervals.reduce((open, [start, end]) => open + end - start, 0),
          0,
        );
        expect(between(calendar, t, due)).toBe(restOfStartDay + wholeDays);
      }),
      { numRuns: 300 },
    );
  });

  it('adds up: between(a, b) + between(b, c) = between(a, c) for a ≤ b ≤ c', () => {
    fc.assert(
      fc.property(seedCalendar, fc.tuple(instant, instant, instant), (calendar, instants) => {
        const [a, b, c] = [...instants].sort((x, y) => x - y) as [number, number, number];
        expect(between(calendar, a, b) + between(calendar, b, c)).toBe(between(calendar, a, c));
      }),
      { numRuns: 400 },
    );
  });

  it('is zero when the end is not after the start', () => {
    fc.assert(
      fc.property(seedCalendar, instant, instant, (calendar, x, y) => {
        const [from, to] = x >= y ? [x, y] : [y, x];
        expect(between(calendar, from, to)).toBe(0);
      }),
      { numRuns: 200 },
    );
  });

  it('is never more than the elapsed time, and all of it on the 24/7 calendar', () => {
    const always = BusinessCalendar.of(builtInPolicy('imolocale').calendar);
    fc.assert(
      fc.property(seedCalendar, instant, instant, (calendar, x, y) => {
        const [from, to] = x <= y ? [x, y] : [y, x];
        expect(between(calendar, from, to)).toBeLessThanOrEqual(to - from);
        expect(between(always, from, to)).toBe(to - from);
      }),
      { numRuns: 200 },
    );
  });
});
