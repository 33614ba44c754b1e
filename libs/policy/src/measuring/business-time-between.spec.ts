import { calendarSpec } from '../../test/policy-fixtures';
import { BusinessCalendar } from '../calendar/business-calendar';
import { builtInPolicy } from '../seeds/built-in-policies';
import { businessTimeBetween } from './business-time-between';

const HOUR = 3_600_000;
const calendarOf = (id: 'mimo' | 'mit' | 'modmount' | 'imolocale') =>
  BusinessCalendar.of(builtInPolicy(id).calendar);
const between = (id: Parameters<typeof calendarOf>[0], from: string, to: string) =>
  businessTimeBetween(calendarOf(id), new Date(from), new Date(to));

describe(businessTimeBetween.name, () => {
  it('counts 2 business hours from Friday 16:30 to Monday 10:30 under Mimo (09:00–17:00 UTC)', () => {
    // 20–23 Nov 2026: Mimo has no holidays, and this is an ordinary weekend.
    const measured = between('mimo', '2026-11-20T16:30:00Z', '2026-11-23T10:30:00Z');
    expect(measured.businessMs).toBe(2 * HOUR);
    expect(measured.explanation).toBe(
      '2 h of business time from Fri 20 Nov 2026 16:30 (+00:00) to Mon 23 Nov 2026 10:30 (+00:00) UTC: ' +
        '30 min Fri 20 Nov, 1 h 30 min Mon 23 Nov from 09:00',
    );
  });

  it('counts the make-up working Saturday of 22 August 2026 under MiT', () => {
    // 1 h Friday, the whole Saturday 08:00–17:00, 1 h Monday.
    const measured = between('mit', '2026-08-21T16:00:00+07:00', '2026-08-24T09:00:00+07:00');
    expect(measured.businessMs).toBe(11 * HOUR);
    expect(measured.explanation).toContain('9 h Sat 22 Aug from 08:00 (make-up working Saturday)');
  });

  it('does not count the 2026 Tết break under MiT', () => {
    // Friday 13 Feb 16:00 to Monday 23 Feb 09:00: only 1 h on each side of the break.
    const measured = between('mit', '2026-02-13T16:00:00+07:00', '2026-02-23T09:00:00+07:00');
    expect(measured.businessMs).toBe(2 * HOUR);
    expect(measured.explanation).toMatch(
      /: 1 h Fri 13 Feb, 1 h Mon 23 Feb from 08:00; skipped holidays: .*Mon 16 Feb \(Tết break\)/,
    );
  });

  it('counts none of the night across a DST change (Modmount)', () => {
    // Europe/Paris goes to summer time on Sunday 29 March 2026; Friday 17:00 +01:00 to Monday 10:00 +02:00.
    const measured = between('modmount', '2026-03-27T17:00:00+01:00', '2026-03-30T10:00:00+02:00');
    expect(measured.businessMs).toBe(2 * HOUR);
  });

  it('counts only the open intervals of a day with a lunch break', () => {
    const calendar = BusinessCalendar.of(
      calendarSpec({
        zone: 'Europe/Paris',
        opening: [
          { days: ['mon', 'tue', 'wed', 'thu', 'fri'], from: '09:00', to: '12:00' },
          { days: ['mon', 'tue', 'wed', 'thu', 'fri'], from: '14:00', to: '18:00' },
        ],
      }),
    );
    const measured = businessTimeBetween(
      calendar,
      new Date('2026-11-20T11:00:00+01:00'),
      new Date('2026-11-20T15:30:00+01:00'),
    );
    expect(measured.businessMs).toBe(2.5 * HOUR);
    expect(measured.explanation).toContain(': 2 h 30 min Fri 20 Nov');
  });

  it('counts every hour of a 24/7 calendar, so a DST day is 23 hours long (imolocale)', () => {
    const measured = between('imolocale', '2026-03-29T00:00:00+01:00', '2026-03-30T00:00:00+02:00');
    expect(measured.businessMs).toBe(23 * HOUR);
  });

  it('skips French public holidays (Modmount, Ascension Thursday 14 May 2026)', () => {
    const measured = between('modmount', '2026-05-13T17:00:00+02:00', '2026-05-15T10:00:00+02:00');
    expect(measured.businessMs).toBe(2 * HOUR);
    expect(measured.explanation).toContain('skipped holidays: Thu 14 May');
  });

  it('is zero, and says why, when the end is not after the start', () => {
    const backwards = between('mimo', '2026-11-23T10:30:00Z', '2026-11-20T16:30:00Z');
    expect(backwards).toEqual({
      businessMs: 0,
      explanation:
        'no business time from Mon 23 Nov 2026 10:30 (+00:00) to Fri 20 Nov 2026 16:30 (+00:00) UTC: ' +
        'the end is not after the start',
    });
    expect(between('mimo', '2026-11-23T10:30:00Z', '2026-11-23T10:30:00Z').businessMs).toBe(0);
  });

  it('is zero over a closed weekend', () => {
    const measured = between('mimo', '2026-11-21T09:00:00Z', '2026-11-22T17:00:00Z');
    expect(measured).toEqual({
      businessMs: 0,
      explanation: expect.stringMatching(/UTC: closed throughout$/),
    });
  });

  it('measures a span of months from the day openings, with a short explanation', () => {
    // 2026 under Modmount: 253 working days of 9 h (FR public holidays on weekdays excluded).
    const measured = between('modmount', '2026-01-01T00:00:00+01:00', '2027-01-01T00:00:00+01:00');
    expect(measured.businessMs).toBe(
      calendarOf('modmount').businessDaysBetween(
        Date.parse('2025-12-31T12:00:00Z'),
        Date.parse('2026-12-31T12:00:00Z'),
      ).length *
        9 *
        HOUR,
    );
    expect(measured.explanation).toMatch(/, … \d+ more days, /);
  });
});
