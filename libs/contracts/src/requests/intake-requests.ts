import { CHANNELS, CLOSE_REASONS, COMPLAINT_KINDS, COMPLAINT_STATUSES } from '@complaints/domain';
import { z } from 'zod';
import { actorSchema } from '../envelope';
import { principalSchema } from '../principal';
import {
  complaintReferenceSchema,
  isoInstantSchema,
  organisationIdSchema,
  policyIdSchema,
  policyVersionSchema,
  textSchema,
} from '../primitives';
import { createComplaintBodySchema, customerContactSchema } from './complaint-bodies';
import { lifecycleCommandSchema } from './lifecycle-routes';
import { defineRequest } from './request-contract';
import { slaClockViewSchema } from './sla-requests';

/** Personal data and free text about a complaint; intake includes it for agents only. */
const complaintContactSchema = z.strictObject({
  customer: customerContactSchema,
  subject: textSchema(200),
  description: textSchema(10_000),
  thirdPartyName: textSchema(200).optional(),
  sellerName: textSchema(200).optional(),
});

export const complaintViewSchema = z.strictObject({
  id: z.uuid(),
  reference: complaintReferenceSchema,
  /** The organisation whose policy it follows; null under a template policy (platform operators only). */
  organisationId: organisationIdSchema.nullable(),
  policyId: policyIdSchema,
  policyVersion: policyVersionSchema,
  kind: z.enum(COMPLAINT_KINDS),
  channel: z.enum(CHANNELS),
  status: z.enum(COMPLAINT_STATUSES),
  receivedAt: isoInstantSchema,
  firstContactAt: isoInstantSchema.nullable(),
  acknowledgedAt: isoInstantSchema.nullable(),
  upgradedAt: isoInstantSchema.nullable(),
  expectedResolutionAt: isoInstantSchema.nullable(),
  resolvedAt: isoInstantSchema.nullable(),
  closedAt: isoInstantSchema.nullable(),
  updatedAt: isoInstantSchema,
  escalationLevel: z.number().int().min(1),
  disputeTier: z.string().nullable(),
  thirdParty: z
    .strictObject({ relationship: z.string(), authorizationVerifiedAt: isoInstantSchema.nullable() })
    .nullable(),
  seller: z.strictObject({ id: z.string() }).nullable(),
  closeReason: z.enum(CLOSE_REASONS).nullable(),
  /** When its personal data was erased (on request or by retention); `contact` is then absent. */
  personalDataErasedAt: isoInstantSchema.nullable(),
  /** While set, nothing erases its personal data. */
  legalHoldSince: isoInstantSchema.nullable(),
  submittedBy: z.string(),
  contact: complaintContactSchema.optional(),
});
export type ComplaintView = z.infer<typeof complaintViewSchema>;

/** The `Idempotency-Key` a client sent (IETF httpapi draft), scoped to the client. */
const idempotencyKeySchema = z.string().min(1).max(255);

export const submitComplaintRequestSchema = z.strictObject({
  principal: principalSchema,
  /** When the gateway took the request; the body's own `receivedAt` (agents only) overrides it. */
  receivedAt: isoInstantSchema,
  idempotencyKey: idempotencyKeySchema.optional(),
  body: createComplaintBodySchema,
});
export type SubmitComplaintRequest = z.infer<typeof submitComplaintRequestSchema>;
/**
 * A promise as planned from the complaint's receipt, by the same rules sla times it with;
 * `GET /v1/complaints/:id/sla` follows each one from there (met, paused, breached …).
 */
export const plannedDeadlineSchema = slaClockViewSchema
  .pick({ metric: true, startedAt: true, dueAt: true, warnAt: true, explanation: true })
  .extend({ status: z.enum(['pending', 'running', 'paused']) });
export type PlannedDeadline = z.infer<typeof plannedDeadlineSchema>;

/** What a submission answers: the complaint and the deadlines it starts with. */
export const submittedComplaintSchema = complaintViewSchema.extend({ sla: z.array(plannedDeadlineSchema) });
export type SubmittedComplaint = z.infer<typeof submittedComplaintSchema>;

export const getComplaintRequestSchema = z.strictObject({
  principal: principalSchema,
  complaintId: z.uuid(),
});
export type GetComplaintRequest = z.infer<typeof getComplaintRequestSchema>;

/** One lifecycle command on one complaint; the reply is the complaint as it is afterwards. */
export const lifecycleCommandRequestSchema = z.strictObject({
  principal: principalSchema,
  complaintId: z.uuid(),
  /** Replaying a key returns the first outcome instead of applying the command again. */
  idempotencyKey: idempotencyKeySchema.optional(),
  requestedAt: isoInstantSchema,
  command: lifecycleCommandSchema,
});
export type LifecycleCommandRequest = z.infer<typeof lifecycleCommandRequestSchema>;

export const listComplaintsRequestSchema = z.strictObject({
  principal: principalSchema,
  filter: z.strictObject({
    status: z.enum(COMPLAINT_STATUSES).optional(),
    policyId: policyIdSchema.optional(),
    kind: z.enum(COMPLAINT_KINDS).optional(),
    escalationLevel: z.number().int().min(1).optional(),
    breached: z.boolean().optional(),
  }),
  /** Opaque: the `nextCursor` of the previous page. */
  cursor: z.string().min(1).max(500).optional(),
  limit: z.number().int().min(1).max(100).default(25),
});
export type ListComplaintsRequest = z.infer<typeof listComplaintsRequestSchema>;

export const complaintPageSchema = z.strictObject({
  items: z.array(complaintViewSchema),
  nextCursor: z.string().nullable(),
});
export type ComplaintPage = z.infer<typeof complaintPageSchema>;

export const getComplaintTimelineRequestSchema = z.strictObject({
  principal: principalSchema,
  complaintId: z.uuid(),
});
export type GetComplaintTimelineRequest = z.infer<typeof getComplaintTimelineRequestSchema>;

/** One event on the complaint, as published (events carry no personal data). */
export const timelineEntrySchema = z.strictObject({
  eventId: z.uuid(),
  type: z.string(),
  version: z.number().int().positive(),
  occurredAt: isoInstantSchema,
  actor: actorSchema,
  data: z.record(z.string(), z.unknown()),
});
export type TimelineEntry = z.infer<typeof timelineEntrySchema>;

export const complaintTimelineSchema = z.strictObject({
  complaintId: z.uuid(),
  entries: z.array(timelineEntrySchema),
});
export type ComplaintTimeline = z.infer<typeof complaintTimelineSchema>;

/**
 * A service that must reach the customer asks for their contact data at the moment of use,
 * so no event or other schema holds it. Intake records every such read: who, why, which complaint.
 */
export const getCustomerContactRequestSchema = z.strictObject({
  requestedBy: z.enum(['notifications', 'feedback']),
  /** Why the data is read, e.g. the message being sent; kept in intake's access record. */
  purpose: z.string().min(1).max(100),
  complaintId: z.uuid(),
  /** The event whose note (the text the agent typed with the command) the message quotes. */
  eventId: z.uuid().optional(),
});
export type GetCustomerContactRequest = z.infer<typeof getCustomerContactRequestSchema>;

export const customerContactReplySchema = z.strictObject({
  complaintId: z.uuid(),
  reference: complaintReferenceSchema,
  organisationId: organisationIdSchema.nullable(),
  policyId: policyIdSchema,
  policyVersion: policyVersionSchema,
  status: z.enum(COMPLAINT_STATUSES),
  customer: customerContactSchema,
  /** The note recorded with `eventId`, decrypted; null when none was asked for or typed. */
  note: z.string().nullable(),
});
export type CustomerContactReply = z.infer<typeof customerContactReplySchema>;

/** What intake answers over request-reply. */
export const IntakeRequests = {
  submitComplaint: defineRequest({
    pattern: 'intake.complaints.submit',
    request: submitComplaintRequestSchema,
    reply: submittedComplaintSchema,
  }),
  getComplaint: defineRequest({ pattern: 'intake.complaints.get', request: getComplaintRequestSchema, reply: complaintViewSchema }),
  applyLifecycleCommand: defineRequest({
    pattern: 'intake.complaints.command',
    request: lifecycleCommandRequestSchema,
    reply: complaintViewSchema,
  }),
  listComplaints: defineRequest({ pattern: 'intake.complaints.list', request: listComplaintsRequestSchema, reply: complaintPageSchema }),
  getComplaintTimeline: defineRequest({
    pattern: 'intake.complaints.timeline',
    request: getComplaintTimelineRequestSchema,
    reply: complaintTimelineSchema,
  }),
  getCustomerContact: defineRequest({
    pattern: 'intake.complaints.customer-contact',
    request: getCustomerContactRequestSchema,
    reply: customerContactReplySchema,
  }),
};
