import { z } from 'zod';
import { principalSchema } from '../principal';
import { isoInstantSchema, policyIdSchema, policyVersionSchema } from '../primitives';
import { defineRequest } from './request-contract';

/**
 * `pending`: the clock has not started (it waits for an event such as a request for
 * information or a survey). `running`: counting towards `dueAt`. `paused`: started, stopped
 * while awaiting the customer or an authorisation; its deadline is set on resume. `met`: a
 * stopping event came in time. `breached`: `dueAt` passed while it ran (it stays breached
 * even if the promise is kept later). `cancelled`: it no longer applies (closed, or the
 * complaint changed kind).
 */
export const SLA_CLOCK_STATUSES = ['pending', 'running', 'paused', 'met', 'breached', 'cancelled'] as const;
export type SlaClockStatus = (typeof SLA_CLOCK_STATUSES)[number];

export const slaClockViewSchema = z.strictObject({
  /** The clock id (`acknowledgement`, `resolution`, …). */
  metric: z.string(),
  status: z.enum(SLA_CLOCK_STATUSES),
  startedAt: isoInstantSchema.nullable(),
  dueAt: isoInstantSchema.nullable(),
  warnAt: isoInstantSchema.nullable(),
  metAt: isoInstantSchema.nullable(),
  breachedAt: isoInstantSchema.nullable(),
  /** How the deadline was computed: the rule, the calendar and every step. */
  explanation: z.string(),
  steps: z.array(z.string()),
});
export type SlaClockView = z.infer<typeof slaClockViewSchema>;

export const complaintClocksSchema = z.strictObject({
  complaintId: z.uuid(),
  policyId: policyIdSchema,
  policyVersion: policyVersionSchema,
  clocks: z.array(slaClockViewSchema),
});
export type ComplaintClocks = z.infer<typeof complaintClocksSchema>;

export const getComplaintClocksRequestSchema = z.strictObject({ principal: principalSchema, complaintId: z.uuid() });
export type GetComplaintClocksRequest = z.infer<typeof getComplaintClocksRequestSchema>;

/** What sla answers over request-reply. */
export const SlaRequests = {
  getComplaintClocks: defineRequest({
    pattern: 'sla.complaints.clocks',
    request: getComplaintClocksRequestSchema,
    reply: complaintClocksSchema,
  }),
};
