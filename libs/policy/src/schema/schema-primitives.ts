import { DateTime } from 'luxon';
import { z } from 'zod';
import { TARGET_UNITS, WHOLE_UNITS } from './policy-vocabulary';

/** Fields that mark a value the source text leaves open (POLICIES.md: defaults an operator may change). */
export const annotationFields = {
  defaulted: z
    .boolean()
    .optional()
    .meta({
      description: 'true when the source policy is silent and this value is a default an operator may change',
    }),
  note: z.string().min(1).optional().meta({ description: 'why this value, in plain words' }),
};

export const isoDateSchema = z.iso.date({ error: 'must be a date YYYY-MM-DD' });

const OFFSET_SUFFIX = /(Z|[+-]\d\d:?\d\d)$/i;

export function isIsoInstant(text: string): boolean {
  return /^\d{4}-\d\d-\d\dT/.test(text) && OFFSET_SUFFIX.test(text) && DateTime.fromISO(text).isValid;
}

/** An ISO 8601 instant with an explicit offset: a wall-clock time alone is ambiguous. */
export const isoInstantSchema = z
  .string()
  .refine(isIsoInstant, {
    error: 'must be an ISO 8601 instant with an offset, e.g. 2026-03-02T10:00:00+01:00',
  })
  .meta({ format: 'date-time' });

export const timeOfDaySchema = z
  .string()
  .regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, {
    error: 'must be a local time HH:mm between 00:00 and 24:00',
  });

/** A clock's span: business time, elapsed time, or wall-clock days/weeks/months. */
export const targetSchema = z
  .strictObject({
    amount: z
      .number({ error: 'must be a number' })
      .positive({ error: 'must be greater than 0' })
      .refine(Number.isFinite, { error: 'must be finite' }),
    unit: z.enum(TARGET_UNITS),
  })
  .superRefine((target, ctx) => {
    if (WHOLE_UNITS.includes(target.unit) && !Number.isInteger(target.amount)) {
      ctx.addIssue({ code: 'custom', path: ['amount'], message: `must be a whole number of ${target.unit}` });
    }
  });
