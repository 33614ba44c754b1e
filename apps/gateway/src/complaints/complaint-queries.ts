import { policyIdSchema } from '@complaints/contracts';
import { COMPLAINT_KINDS, COMPLAINT_STATUSES } from '@complaints/domain';
import { z } from 'zod';

export const complaintIdParamSchema = z.strictObject({ id: z.uuid({ error: 'must be a complaint id (UUID)' }) });

export const lifecycleParamSchema = z.strictObject({
  id: z.uuid({ error: 'must be a complaint id (UUID)' }),
  action: z.string(),
});

const booleanText = z.enum(['true', 'false'], { error: 'must be true or false' }).transform((value) => value === 'true');

/** `GET /v1/complaints` query: filters, a cursor from the previous page, and a page size. */
export const listComplaintsQuerySchema = z.strictObject({
  status: z.enum(COMPLAINT_STATUSES).optional(),
  policyId: policyIdSchema.optional(),
  kind: z.enum(COMPLAINT_KINDS).optional(),
  escalationLevel: z.coerce.number({ error: 'must be a level number' }).int().min(1).optional(),
  breached: booleanText.optional(),
  cursor: z.string().min(1).max(500).optional(),
  limit: z.coerce.number({ error: 'must be a number' }).int().min(1).max(100).default(25),
});
