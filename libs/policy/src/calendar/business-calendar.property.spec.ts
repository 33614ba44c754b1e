import Holidays from 'date-holidays';
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { calendarSpec } from '../../test/policy-fixtures';
import type { CalendarSpec } from '../schema/calendar.schema';
import { WEEKDAYS } from '../schema/policy-vocabulary';
import { BusinessCalendar } from './business-calendar';

/*
 * A deliberately simple reference: it walks the clock minute by minute and asks, for each
 * minute, whether it lies inside one of its local day's opening intervals. Day intervals
 * follow POLICIES.md directly (luxon for local times, gap → forward, ambiguous → first).
 */
const MINUTE = 60_000;

function referenceLocal(zone: string, date: string, time: string): { ms: number; gap: boolean } {
  if (time === '24:00') {
    const next = DateTime.fromISO(date, { zone: 'UTC' }).plus({ days: 1 }).toISODate() as string;
    return referenceLocal(zone, next, '00:00');
  }
  const local = DateTime.fromISO(`${date}T${time}`, { zone });
  if (local.toFormat('HH:mm') !== time) return { ms: local.toMillis(), gap: true };
  return { ms: Math.min(...local.getPossibleOffsets().map((candidate) => candidate.toMillis())), gap: false };
}

const publicDates = new Map<string, Set<string>>();
function referenceIsHoliday(spec: CalendarSpec, date: string): boolean {
  if (spec.holidays.remove.some((removed) => removed.date === date)) return false;
  if (spec.holidays.add.some((added) => added.date === date)) return true;
  const region = spec.holidays.region;
  if (!region) return false;
  const key = `${region}:${date.slice(0, 4)}`;
  let dates = publicDates.get(key);
  if (!dates) {
    const [country = '', state] = region.split('-');
    const library = state ? new Holidays(country, state) : new Holidays(country);
    const holidays = library.getHolidays(Number(date.slice(0, 4))).filter((h) => h.type === 'public');
    dates = new Set(holidays.map((h) => h.date.slice(0, 10)));
    publicDates.set(key, dates);
  }
  return dates.has(date);
}

interface ReferenceDay {
  readonly start: number;
  readonly end: number;
  readonly open: [number, number][];
}

function referenceDay(spec: CalendarSpec, date: string): ReferenceDay {
  const start = referenceLocal(spec.zone, date, '00:00').ms;
  const end = referenceLocal(spec.zone, date, '24:00').ms;
  const extra = spec.extraWorkingDays.find((day) => day.date === date);
  const weekday = WEEKDAYS[DateTime.fromISO(date, { zone: 'UTC' }).weekday - 1] as (typeof WEEKDAYS)[number];
  const hours = extra
    ? extra.opening
    : referenceIsHoliday(spec, date)
      ? []
      : spec.opening.filter((entry) => entry.days.includes(weekday));
  const open: [number, number][] = [];
  for (const { from, to } of hours) {
    const a = referenceLocal(spec.zone, date, from);
    const b = referenceLocal(spec.zone, date, to);
    if (!(a.gap && b.gap) && b.ms > a.ms) open.push([Math.max(a.ms, start), Math.min(b.ms, end)]);
  }
  return { start, end, open };
}

/** Walks forward day by day, and inside each day minute by minute. */
function* referenceMinutes(
  spec: CalendarSpec,
  from: number,
): Generator<{ minute: number; open: boolean; date: string }> {
  let date = DateTime.fromMillis(from, { zone: spec.zone }).toISODate() as string;
  for (let days = 0; days < 400; days++) {
    const day = referenceDay(spec, date);
    for (let minute = Math.max(from, day.start); minute < day.end; minute += MINUTE) {
      yield { minute, open: day.open.some(([a, b]) => minute >= a && minute < b), date };
    }
    date = DateTime.fromISO(date, { zone: 'UTC' }).plus({ days: 1 }).toISODate() as string;
  }
  throw new Error('reference walked 400 days without finishing');
}

function referenceAddBusinessMinutes(spec: CalendarSpec, from: number, minutes: number): number {
  let counted = 0;
  for (const { minute, open } of referenceMinutes(spec, from)) {
    if (open) counted++;
    if (counted === minutes) return minute + MINUTE;
  }
  throw new Error('unreachable');
}

function referenceBusinessMinutesBetween(spec: CalendarSpec, from: number, to: number): number {
  let counted = 0;
  for (const { minute, open } of referenceMinutes(spec, from)) {
    if (minute >= to) return counted;
    if (open) counted++;
  }
  throw new Error('unreachable');
}

function referenceAddBusinessDays(spec: CalendarSpec, from: number, days: number): number {
  let date = DateTime.fromMillis(from, { zone: spec.zone }).toISODate() as string;
  let counted = 0;
  for (let guard = 0; guard < 400; guard++) {
    date = DateTime.fromISO(date, { zone: 'UTC' }).plus({ days: 1 }).toISODate() as string;
    const day = referenceDay(spec, date);
    if (day.open.length > 0 && ++counted === days) return Math.max(...day.open.map(([, end]) => end));
  }
  throw new Error('reference found too few business days');
}

// Zones with DST at 02:00/03:00, a 30-minute DST (Lord Howe), a 45-minute offset (Chatham),
// no DST at all, and the southern hemisphere.
const ZONES = [
  'UTC',
  'Europe/Paris',
  'Europe/London',
  'America/New_York',
  'Asia/Ho_Chi_Minh',
  'Australia/Lord_Howe',
  'Pacific/Chatham',
  'America/Santiago',
] as const;

const time = (quarter: number): string =>
  `${String(Math.floor(quarter / 4)).padStart(2, '0')}:${String((quarter % 4) * 15).padStart(2, '0')}`;

/** Up to two non-overlapping intervals on a set of days, on quarter-hours (often near 02:00). */
const weeklyEntry = fc
  .record({
    days: fc.subarray([...WEEKDAYS], { minLength: 1 }),
    points: fc.uniqueArray(fc.oneof(fc.integer({ min: 0, max: 96 }), fc.integer({ min: 6, max: 14 })), {
      minLength: 2,
      maxLength: 4,
    }),
  })
  .map(({ days, points }) => {
    const sorted = [...points].sort((a, b) => a - b);
    const intervals = [];
    for (let i = 0; i + 1 < sorted.length; i += 2) {
      intervals.push({ days, from: time(sorted[i] as number), to: time(sorted[i + 1] as number) });
    }
    return intervals;
  });

const calendarArbitrary = fc
  .record({
    zone: fc.constantFrom(...ZONES),
    entries: fc.array(weeklyEntry, { minLength: 1, maxLength: 2 }),
    region: fc.constantFrom(undefined, 'FR', 'US', 'GB-ENG'),
    added: fc.array(
      fc.date({ min: new Date('2024-01-01'), max: new Date('2031-12-31'), noInvalidDate: true }),
      {
        maxLength: 3,
      },
    ),
    extra: fc.option(
      fc.date({ min: new Date('2024-01-01'), max: new Date('2031-12-31'), noInvalidDate: true }),
    ),
  })
  .map(({ zone, entries, region, added, extra }) => {
    // Overlaps across entries are invalid input; keep the second entry only on its own days.
    const [first = [], second = []] = entries;
    const firstDays = new Set(first.flatMap((entry) => entry.days));
    const opening = [
      ...first,
      ...second
        .map((entry) => ({ ...entry, days: entry.days.filter((day) => !firstDays.has(day)) }))
        .filter((entry) => entry.days.length > 0),
    ];
    const extraDate = extra?.toISOString().slice(0, 10);
    return calendarSpec({
      zone,
      opening,
      holidays: {
        region,
        add: added
          .map((date) => ({ date: date.toISOString().slice(0, 10) }))
          .filter((a) => a.date !== extraDate),
      },
      extraWorkingDays: extraDate ? [{ date: extraDate, opening: [{ from: '01:30', to: '02:45' }] }] : [],
    });
  })
  .filter((spec) => spec.opening.length > 0);

/** Open minutes in a week, ignoring holidays: amounts scale with it so that sparse calendars stay walkable. */
function weeklyOpenMinutes(spec: CalendarSpec): number {
  const minutes = (time: string): number => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
  return spec.opening.reduce(
    (sum, entry) => sum + entry.days.length * (minutes(entry.to) - minutes(entry.from)),
    0,
  );
}

/** Up to 40 business hours, and never more than about eight weeks of the calendar's open time. */
function businessMinutes(spec: CalendarSpec, share: number): number {
  return Math.max(1, Math.round(share * Math.min(40 * 60, weeklyOpenMinutes(spec) * 8)));
}

const share = fc.double({ min: 0, max: 1, noNaN: true });

/** Minute-aligned instants from 2024 to 2031. */
const instant = fc
  .integer({
    min: Date.parse('2024-01-01T00:00:00Z') / MINUTE,
    max: Date.parse('2031-06-30T00:00:00Z') / MINUTE,
  })
  .map((minutes) => minutes * MINUTE);

describe('business time against a minute-by-minute reference', () => {
  it('adds business minutes exactly as counting open minutes one by one', () => {
    fc.assert(
      fc.property(calendarArbitrary, instant, share, (spec, from, part) => {
        const minutes = businessMinutes(spec, part);
        const engine = BusinessCalendar.of(spec).addBusinessMinutes(from, minutes).getTime();
        expect(new Date(engine).toISOString()).toBe(
          new Date(referenceAddBusinessMinutes(spec, from, minutes)).toISOString(),
        );
      }),
      { numRuns: 200 },
    );
  });

  it('ends business days at the same close of business as counting open days one by one', () => {
    fc.assert(
      fc.property(calendarArbitrary, instant, fc.integer({ min: 1, max: 25 }), (spec, from, days) => {
        const engine = BusinessCalendar.of(spec).addBusinessDays(from, days).getTime();
        expect(new Date(engine).toISOString()).toBe(
          new Date(referenceAddBusinessDays(spec, from, days)).toISOString(),
        );
      }),
      { numRuns: 200 },
    );
  });

  it('measures business time between two instants as the count of open minutes', () => {
    fc.assert(
      fc.property(
        calendarArbitrary,
        instant,
        fc.integer({ min: 0, max: 21 * 24 * 60 }),
        (spec, from, span) => {
          const to = from + span * MINUTE;
          const engine = BusinessCalendar.of(spec).businessMillisBetween(from, to);
          expect(engine / MINUTE).toBe(referenceBusinessMinutesBetween(spec, from, to));
        },
      ),
      { numRuns: 120 },
    );
  });

  it('gets back the business time it added', () => {
    fc.assert(
      fc.property(calendarArbitrary, instant, share, (spec, from, part) => {
        const minutes = businessMinutes(spec, part) * 5;
        const calendar = BusinessCalendar.of(spec);
        const due = calendar.addBusinessMinutes(from, minutes);
        expect(calendar.businessMillisBetween(from, due)).toBe(minutes * MINUTE);
      }),
      { numRuns: 200 },
    );
  });
});
