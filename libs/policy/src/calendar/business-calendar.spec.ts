import { at, calendarSpec } from '../../test/policy-fixtures';
import { NoOpenTimeError } from '../policy-errors';
import { BusinessCalendar } from './business-calendar';

const iso = (date: Date): string => date.toISOString();
const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri'] as const;

describe(BusinessCalendar.name, () => {
  const utc = BusinessCalendar.of(calendarSpec());

  describe('adding business hours', () => {
    it('counts only open time and carries the rest over to the next opening', () => {
      // Fri 16:30 + 2 h: 30 min Friday, 1 h 30 min Monday from 09:00.
      expect(iso(utc.addBusinessHours(at('2026-01-02T16:30:00Z'), 2))).toBe('2026-01-05T10:30:00.000Z');
    });

    it('starts at the next opening when the start is outside hours', () => {
      expect(iso(utc.addBusinessHours(at('2026-01-03T12:00:00Z'), 1))).toBe('2026-01-05T10:00:00.000Z');
    });

    it('keeps a deadline that lands on a closing time at that closing time', () => {
      expect(iso(utc.addBusinessHours(at('2026-01-05T09:00:00Z'), 8))).toBe('2026-01-05T17:00:00.000Z');
      expect(iso(utc.addBusinessHours(at('2026-01-05T13:00:00Z'), 4))).toBe('2026-01-05T17:00:00.000Z');
    });

    it('counts several intervals on one day', () => {
      const split = BusinessCalendar.of(
        calendarSpec({
          opening: [
            { days: [...weekdays], from: '08:00', to: '12:00' },
            { days: [...weekdays], from: '13:00', to: '17:00' },
          ],
        }),
      );
      expect(iso(split.addBusinessHours(at('2026-01-05T11:00:00Z'), 2))).toBe('2026-01-05T14:00:00.000Z');
    });

    it('crosses a year boundary and skips the New Year holiday', () => {
      const france = BusinessCalendar.of(calendarSpec({ zone: 'Europe/Paris', holidays: { region: 'FR' } }));
      // Thu 31 Dec 2026 16:00 Paris + 2 h: 1 h on Thursday, Fri 1 Jan is a holiday, 1 h on Mon 4 Jan.
      expect(iso(france.addBusinessHours(at('2026-12-31T16:00:00+01:00'), 2))).toBe(
        '2027-01-04T09:00:00.000Z',
      );
    });

    it('accepts business minutes and seconds-sized amounts', () => {
      expect(iso(utc.addBusinessMinutes(at('2026-01-05T16:58:00Z'), 5))).toBe('2026-01-06T09:03:00.000Z');
      expect(iso(utc.addBusinessMillis(at('2026-01-05T10:00:00Z'), 5_000))).toBe('2026-01-05T10:00:05.000Z');
    });

    it('gives the start itself, or the next opening, for zero business time', () => {
      expect(iso(utc.addBusinessHours(at('2026-01-05T10:00:00Z'), 0))).toBe('2026-01-05T10:00:00.000Z');
      expect(iso(utc.addBusinessHours(at('2026-01-05T18:00:00Z'), 0))).toBe('2026-01-06T09:00:00.000Z');
    });

    it('rejects negative amounts', () => {
      expect(() => utc.addBusinessHours(at('2026-01-05T10:00:00Z'), -1)).toThrow(RangeError);
    });
  });

  describe('adding business days', () => {
    it('ends at close of business of the n-th business day after the start date', () => {
      // Received Monday 10:00 with 3 business days → Thursday at closing time.
      expect(iso(utc.addBusinessDays(at('2026-01-05T10:00:00Z'), 3))).toBe('2026-01-08T17:00:00.000Z');
    });

    it('counts from the day after the start date even when the start is before opening', () => {
      expect(iso(utc.addBusinessDays(at('2026-01-05T06:00:00Z'), 1))).toBe('2026-01-06T17:00:00.000Z');
    });

    it('skips weekends', () => {
      expect(iso(utc.addBusinessDays(at('2026-01-09T10:00:00Z'), 1))).toBe('2026-01-12T17:00:00.000Z');
    });

    it('rejects zero and fractions', () => {
      expect(() => utc.addBusinessDays(at('2026-01-05T10:00:00Z'), 0)).toThrow(RangeError);
      expect(() => utc.addBusinessDays(at('2026-01-05T10:00:00Z'), 1.5)).toThrow(RangeError);
    });
  });

  describe('holidays and extra working days', () => {
    it('skips added holidays and works on removed ones', () => {
      const calendar = BusinessCalendar.of(
        calendarSpec({
          zone: 'Europe/Paris',
          holidays: { region: 'FR', add: [{ date: '2026-01-06' }], remove: [{ date: '2026-04-06' }] },
        }),
      );
      expect(iso(calendar.addBusinessDays(at('2026-01-05T10:00:00+01:00'), 1))).toBe(
        '2026-01-07T16:00:00.000Z',
      );
      // Easter Monday 2026 removed from the holidays: a working day.
      expect(calendar.isOpenAt(at('2026-04-06T10:00:00+02:00'))).toBe(true);
    });

    it('works an extra working day on a Saturday with its own hours', () => {
      const calendar = BusinessCalendar.of(
        calendarSpec({
          extraWorkingDays: [{ date: '2026-08-22', opening: [{ from: '10:00', to: '12:00' }] }],
        }),
      );
      expect(iso(calendar.addBusinessHours(at('2026-08-21T16:00:00Z'), 2))).toBe('2026-08-22T11:00:00.000Z');
      expect(calendar.dayOf(at('2026-08-22T11:00:00Z')).extraWorkingDay).toBe('extra working day');
    });

    it.each([
      ['GB-ENG', '2026-08-31', 'Summer bank holiday'],
      ['US', '2026-07-03', 'Independence Day (substitute day)'],
      ['FR', '2026-07-14', 'Fête Nationale de la France'],
      ['VN', '2026-09-02', 'Quốc khánh'],
    ])('takes the public holidays of %s from the holiday library', (region, date, name) => {
      const calendar = BusinessCalendar.of(calendarSpec({ holidays: { region } }));
      expect(calendar.holidayOn(date)).toBe(name);
    });

    it('expands a holiday the library gives as several days into each of them', () => {
      const calendar = BusinessCalendar.of(
        calendarSpec({ zone: 'Asia/Ho_Chi_Minh', holidays: { region: 'VN' } }),
      );
      const closed = ['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20'];
      expect(closed.map((date) => calendar.holidayOn(date) !== undefined)).toEqual([
        true,
        true,
        true,
        true,
        true,
      ]);
    });
  });

  describe('daylight saving time', () => {
    const paris = (hours: { from: string; to: string }[]) =>
      BusinessCalendar.of(
        calendarSpec({ zone: 'Europe/Paris', opening: hours.map((h) => ({ days: ['sun'], ...h })) }),
      );

    it('shortens a Sunday opening by the spring-forward hour', () => {
      const calendar = paris([{ from: '00:00', to: '06:00' }]);
      expect(
        calendar.businessMillisBetween(at('2026-03-29T00:00:00+01:00'), at('2026-03-30T00:00:00+02:00')),
      ).toBe(5 * 3_600_000);
    });

    it('treats an opening wholly inside the gap as empty', () => {
      const calendar = paris([
        { from: '02:10', to: '02:40' },
        { from: '10:00', to: '11:00' },
      ]);
      expect(calendar.dayOf(at('2026-03-29T12:00:00+02:00')).intervals).toEqual([
        [at('2026-03-29T10:00:00+02:00'), at('2026-03-29T11:00:00+02:00')],
      ]);
    });

    it('moves an opening that starts inside the gap forward by the gap', () => {
      const calendar = paris([{ from: '02:30', to: '05:00' }]);
      expect(calendar.dayOf(at('2026-03-29T12:00:00+02:00')).intervals).toEqual([
        [at('2026-03-29T03:30:00+02:00'), at('2026-03-29T05:00:00+02:00')],
      ]);
    });

    it('closes at the first occurrence of an ambiguous fall-back time', () => {
      const calendar = paris([{ from: '00:00', to: '02:30' }]);
      expect(calendar.dayOf(at('2026-10-25T12:00:00+01:00')).intervals).toEqual([
        [at('2026-10-25T00:00:00+02:00'), at('2026-10-25T02:30:00+02:00')],
      ]);
    });

    it('keeps business days at the local closing time on both sides of a change', () => {
      const calendar = BusinessCalendar.of(calendarSpec({ zone: 'Europe/Paris' }));
      expect(iso(calendar.addBusinessDays(at('2026-03-27T10:00:00+01:00'), 1))).toBe(
        '2026-03-30T15:00:00.000Z',
      );
    });
  });

  describe('business time between instants', () => {
    it('measures only open time, and is negative backwards', () => {
      expect(utc.businessMillisBetween(at('2026-01-02T16:00:00Z'), at('2026-01-05T10:00:00Z'))).toBe(
        2 * 3_600_000,
      );
      expect(utc.businessMillisBetween(at('2026-01-05T10:00:00Z'), at('2026-01-02T16:00:00Z'))).toBe(
        -2 * 3_600_000,
      );
    });
  });

  describe('calendars without enough open time', () => {
    it('fails with a clear error instead of searching forever', () => {
      const once = BusinessCalendar.of(
        calendarSpec({
          opening: [],
          extraWorkingDays: [{ date: '2026-08-22', opening: [{ from: '08:00', to: '17:00' }] }],
        }),
      );
      expect(() => once.addBusinessHours(at('2027-01-01T00:00:00Z'), 1)).toThrow(NoOpenTimeError);
      expect(() => once.addBusinessDays(at('2027-01-01T00:00:00Z'), 1)).toThrow(
        /too little open time within 25 years/,
      );
      expect(() => once.nextOpening(at('2027-01-01T00:00:00Z'))).toThrow(NoOpenTimeError);
    });

    it('bounds a deadline too far away to compute', () => {
      expect(() => utc.addBusinessHours(at('2026-01-05T10:00:00Z'), 1e9)).toThrow(NoOpenTimeError);
    });

    it('rejects instants outside the supported years', () => {
      expect(() => utc.addBusinessHours(at('2250-01-01T00:00:00Z'), 1)).toThrow(
        /outside the supported years/,
      );
    });
  });

  it('shares one calendar between equal specs', () => {
    expect(BusinessCalendar.of(calendarSpec())).toBe(BusinessCalendar.of(calendarSpec()));
  });
});
