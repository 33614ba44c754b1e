import { CHANNELS, COMPLAINT_KINDS, COMPLAINT_STATUSES } from '@complaints/domain';
import { z } from 'zod';
import { actorSchema } from '../envelope';
import { rpcResultSchema } from './rpc-result';

const isoInstant = z.iso.datetime({ offset: true });

/**
 * The body of `POST /v1/complaints`. Strict: unknown fields (including protected ones such
 * as `status`) are rejected rather than ignored.
 */
export const submitComplaintBodySchema = z.strictObject({
  policyId: z.string().min(1).max(100).regex(/^[a-z0-9][a-z0-9-]*$/, 'must be a policy id such as "mimo"'),
  kind: z.enum(COMPLAINT_KINDS),
  channel: z.enum(CHANNELS),
  firstContactAt: isoInstant.optional(),
});
export type SubmitComplaintBody = z.infer<typeof submitComplaintBodySchema>;

export const complaintViewSchema = z.strictObject({
  id: z.uuid(),
  policyId: z.string(),
  kind: z.enum(COMPLAINT_KINDS),
  channel: z.enum(CHANNELS),
  status: z.enum(COMPLAINT_STATUSES),
  receivedAt: isoInstant,
  firstContactAt: isoInstant.nullable(),
});
export type ComplaintView = z.infer<typeof complaintViewSchema>;

/** Request-reply subjects served by intake (before any deployment namespace). */
export const INTAKE_PATTERNS = {
  submitComplaint: 'intake.complaints.submit',
  getComplaint: 'intake.complaints.get',
} as const;

export const submitComplaintRequestSchema = z.strictObject({
  actor: actorSchema,
  receivedAt: isoInstant,
  body: submitComplaintBodySchema,
});
export type SubmitComplaintRequest = z.infer<typeof submitComplaintRequestSchema>;
export const submitComplaintReplySchema = rpcResultSchema(complaintViewSchema);

export const getComplaintRequestSchema = z.strictObject({
  actor: actorSchema,
  complaintId: z.uuid(),
  /** When set, only a complaint submitted by this actor is visible (submitters see their own). */
  restrictToSubmitter: z.boolean(),
});
export type GetComplaintRequest = z.infer<typeof getComplaintRequestSchema>;
export const getComplaintReplySchema = rpcResultSchema(complaintViewSchema);
