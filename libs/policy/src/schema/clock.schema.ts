import { CHANNELS, COMPLAINT_KINDS } from '@complaints/domain';
import { z } from 'zod';
import { CLOCK_ANCHORS, CLOCK_EVENTS, CLOCK_IDS, PAUSE_REASONS } from './policy-vocabulary';
import { annotationFields, targetSchema } from './schema-primitives';

const appliesToSchema = z
  .strictObject({
    kinds: z.array(z.enum(COMPLAINT_KINDS)).min(1).optional(),
    channels: z.array(z.enum(CHANNELS)).min(1).optional(),
    categories: z
      .array(z.string().min(1))
      .min(1)
      .optional()
      .meta({
        description:
          'product categories; a clock naming categories wins over one with the same id that does not',
      }),
  })
  .meta({ description: 'which complaints the clock applies to; an absent list means all' });

const warningSchema = z
  .strictObject({
    fraction: z
      .number()
      .gt(0, { error: 'must be between 0 and 1' })
      .lt(1, { error: 'must be between 0 and 1' })
      .optional()
      .meta({
        description: 'share of the span, measured in the same kind of time as the clock (default 0.75)',
      }),
    target: targetSchema.optional().meta({ description: 'an explicit warning span from the clock start' }),
    ...annotationFields,
  })
  .refine((warning) => !(warning.fraction !== undefined && warning.target !== undefined), {
    error: 'give either fraction or target, not both',
  });

const expectedDateSchema = z
  .strictObject({
    reasonRequired: z.boolean().default(true),
    notifyCustomer: z.boolean().default(true),
    max: targetSchema
      .optional()
      .meta({ description: 'latest expected date allowed, counted from the clock start' }),
    ...annotationFields,
  })
  .meta({ description: 'an agent may move the deadline to an expected date (complex complaints)' });

export const clockSchema = z.strictObject({
  id: z.enum(CLOCK_IDS),
  description: z.string().min(1).optional(),
  appliesTo: appliesToSchema.default({}),
  startsAt: z.enum(CLOCK_ANCHORS),
  target: targetSchema,
  stopsOn: z.array(z.enum(CLOCK_EVENTS)).min(1, { error: 'a clock needs at least one event that stops it' }),
  restartsOn: z
    .array(z.enum(CLOCK_EVENTS))
    .default([])
    .meta({ description: 'events that start a new span (a recurring clock such as regular_update)' }),
  pausesWhile: z.array(z.enum(PAUSE_REASONS)).default([]),
  warning: warningSchema.optional(),
  expectedDate: expectedDateSchema.optional(),
  ...annotationFields,
});

export type ClockSpec = z.output<typeof clockSchema>;
export type ClockTarget = ClockSpec['target'];
