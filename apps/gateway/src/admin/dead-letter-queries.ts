import { consumerNameSchema, deadLetterCursorSchema } from '@complaints/contracts';
import { z } from 'zod';

/** `GET /v1/admin/dead-letters`: a cursor from the previous page, a page size, one consumer's only. */
export const listDeadLettersQuerySchema = z.strictObject({
  cursor: deadLetterCursorSchema.transform(Number).optional(),
  limit: z.coerce.number({ error: 'must be a number' }).int('must be a whole number').min(1).max(500).default(50),
  consumer: consumerNameSchema.optional(),
});

export const deadLetterSeqParamSchema = z.strictObject({
  seq: z
    .string()
    .regex(/^[1-9]\d{0,14}$/, 'must be the seq of a dead letter, a whole number from 1')
    .transform(Number),
});
