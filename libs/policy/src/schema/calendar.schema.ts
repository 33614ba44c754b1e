import { IANAZone } from 'luxon';
import { z } from 'zod';
import { holidayRegionProblem } from '../calendar/holiday-source';
import { parseTimeOfDay } from '../calendar/local-time';
import { WEEKDAYS, type Weekday } from './policy-vocabulary';
import { annotationFields, isoDateSchema, timeOfDaySchema } from './schema-primitives';

const openingIntervalSchema = z.strictObject({ from: timeOfDaySchema, to: timeOfDaySchema });

const weeklyOpeningSchema = z.strictObject({
  days: z.array(z.enum(WEEKDAYS)).min(1, { error: 'must name at least one day' }),
  from: timeOfDaySchema,
  to: timeOfDaySchema,
});

const holidaysSchema = z.strictObject({
  region: z
    .string()
    .optional()
    .meta({
      description: 'date-holidays code: country, country-state or country-state-region, e.g. FR, GB-ENG',
    }),
  add: z.array(z.strictObject({ date: isoDateSchema, name: z.string().min(1).optional() })).default([]),
  remove: z.array(z.strictObject({ date: isoDateSchema, reason: z.string().min(1).optional() })).default([]),
});

const extraWorkingDaySchema = z.strictObject({
  date: isoDateSchema,
  opening: z.array(openingIntervalSchema).min(1, { error: 'an extra working day needs opening hours' }),
  name: z.string().min(1).optional(),
});

type Interval = { readonly from: string; readonly to: string };
type IssueSink = z.core.$RefinementCtx;

function checkInterval(interval: Interval, path: PropertyKey[], ctx: IssueSink): boolean {
  const from = parseTimeOfDay(interval.from);
  const to = parseTimeOfDay(interval.to);
  if (from === 24 * 60) {
    ctx.addIssue({ code: 'custom', path: [...path, 'from'], message: 'an opening cannot start at 24:00' });
    return false;
  }
  if (from === to) {
    ctx.addIssue({
      code: 'custom',
      path: [...path, 'to'],
      message: `${interval.from}–${interval.to} is empty`,
    });
    return false;
  }
  if (to < from) {
    ctx.addIssue({
      code: 'custom',
      path: [...path, 'to'],
      message:
        `${interval.from}–${interval.to} crosses midnight, which is not supported: ` +
        `split it into ${interval.from}–24:00 and 00:00–${interval.to} on the next day`,
    });
    return false;
  }
  return true;
}

interface Placed extends Interval {
  readonly path: PropertyKey[];
}

function checkNoOverlap(intervals: Placed[], where: string, ctx: IssueSink): void {
  const sorted = [...intervals].sort((a, b) => a.from.localeCompare(b.from));
  for (let i = 1; i < sorted.length; i++) {
    const previous = sorted[i - 1];
    const current = sorted[i];
    if (previous && current && current.from < previous.to) {
      ctx.addIssue({
        code: 'custom',
        path: current.path,
        message: `${current.from}–${current.to} overlaps ${previous.from}–${previous.to} on ${where}`,
      });
    }
  }
}

export const calendarSchema = z
  .strictObject({
    zone: z.string().meta({ description: 'IANA time zone, e.g. Europe/Paris' }),
    opening: z
      .array(weeklyOpeningSchema)
      .meta({ description: 'weekly opening intervals; several per day allowed, none may cross midnight' }),
    holidays: holidaysSchema.default({ add: [], remove: [] }),
    extraWorkingDays: z
      .array(extraWorkingDaySchema)
      .default([])
      .meta({ description: 'dates worked with their own opening hours, e.g. a make-up Saturday' }),
    ...annotationFields,
  })
  .superRefine((calendar, ctx) => {
    if (!IANAZone.isValidZone(calendar.zone)) {
      ctx.addIssue({ code: 'custom', path: ['zone'], message: `unknown IANA time zone "${calendar.zone}"` });
    }
    const region = calendar.holidays.region;
    const regionProblem = region === undefined ? undefined : holidayRegionProblem(region);
    if (regionProblem) ctx.addIssue({ code: 'custom', path: ['holidays', 'region'], message: regionProblem });

    const byDay = new Map<Weekday, Placed[]>();
    calendar.opening.forEach((entry, index) => {
      if (!checkInterval(entry, ['opening', index], ctx)) return;
      for (const day of new Set(entry.days)) {
        byDay.set(day, [...(byDay.get(day) ?? []), { ...entry, path: ['opening', index] }]);
      }
    });
    for (const [day, intervals] of byDay) checkNoOverlap(intervals, day, ctx);

    const extraDates = new Set<string>();
    calendar.extraWorkingDays.forEach((extra, index) => {
      if (extraDates.has(extra.date)) {
        ctx.addIssue({
          code: 'custom',
          path: ['extraWorkingDays', index, 'date'],
          message: `${extra.date} is listed twice`,
        });
      }
      extraDates.add(extra.date);
      const placed = extra.opening
        .map((interval, at) => ({ ...interval, path: ['extraWorkingDays', index, 'opening', at] }))
        .filter((interval) => checkInterval(interval, interval.path, ctx));
      checkNoOverlap(placed, extra.date, ctx);
    });

    if (calendar.opening.length === 0 && calendar.extraWorkingDays.length === 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['opening'],
        message: 'the calendar has no open time: add weekly opening intervals or extra working days',
      });
    }
  });

export type CalendarSpec = z.output<typeof calendarSchema>;
