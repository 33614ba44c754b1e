import { CHANNELS, CLOSE_REASONS, COMPLAINT_KINDS, COMPLAINT_STATUSES, RESPONSE_TYPES } from '@complaints/domain';
import { z } from 'zod';
import { defineEvent } from '../event-contract';
import { complaintReferenceSchema, isoInstantSchema, policyIdSchema, policyVersionSchema } from '../primitives';
import { STREAMS } from '../streams';

/*
 * One event per lifecycle command that succeeded. They carry facts, never personal data or
 * free text: the reasons, notes and summaries agents type stay encrypted in intake.
 */

/** What every lifecycle event says about the complaint, so a consumer needs no other lookup. */
const lifecycleFacts = z.strictObject({
  policyId: policyIdSchema,
  policyVersion: policyVersionSchema,
  reference: complaintReferenceSchema,
  kind: z.enum(COMPLAINT_KINDS),
  /** After the command. */
  status: z.enum(COMPLAINT_STATUSES),
  previousStatus: z.enum(COMPLAINT_STATUSES),
});

function defineLifecycleEvent<TType extends string, TShape extends z.ZodRawShape>(
  type: TType,
  version: number,
  ownFacts: TShape,
) {
  return defineEvent({ type, version, stream: STREAMS.complaints, data: lifecycleFacts.extend(ownFacts) });
}

export const ComplaintAcknowledgedV1 = defineLifecycleEvent('complaint.acknowledged', 1, {});

export const ComplaintResponseSentV1 = defineLifecycleEvent('complaint.response-sent', 1, {
  responseType: z.enum(RESPONSE_TYPES),
  channel: z.enum(CHANNELS).optional(),
});

export const ComplaintInfoRequestedV1 = defineLifecycleEvent('complaint.info-requested', 1, {});

/** `receivedAt` can precede the event: clocks paused for the customer resume from it. */
export const ComplaintCustomerRepliedV1 = defineLifecycleEvent('complaint.customer-replied', 1, {
  receivedAt: isoInstantSchema,
});

export const ComplaintAuthorizationVerifiedV1 = defineLifecycleEvent('complaint.authorization-verified', 1, {
  verifiedAt: isoInstantSchema,
});

/** The formal complaint's clocks start at `upgradedAt`; the inquiry's receipt stays on record. */
export const ComplaintUpgradedV1 = defineLifecycleEvent('complaint.upgraded', 1, {
  upgradedAt: isoInstantSchema,
  originalReceivedAt: isoInstantSchema,
});

export const ComplaintExpectedDateSetV1 = defineLifecycleEvent('complaint.expected-date-set', 1, {
  expectedAt: isoInstantSchema,
});

export const ComplaintResolvedV1 = defineLifecycleEvent('complaint.resolved', 1, {});

export const ComplaintReopenedV1 = defineLifecycleEvent('complaint.reopened', 1, {});

export const ComplaintClosedV1 = defineLifecycleEvent('complaint.closed', 1, {
  reason: z.enum(CLOSE_REASONS),
});

/**
 * A closure undone because what caused it proved false: a policy's closure rule acted on a
 * breach sla then withdrew. `status` is the status the complaint had before the closure, back
 * again; consumers treat the closure `closedEventId` names as if it had not happened. Its own
 * type rather than a `complaint.reopened`, which only an agent asks for and whose data
 * consumers parse strictly.
 */
export const ComplaintClosureWithdrawnV1 = defineLifecycleEvent('complaint.closure-withdrawn', 1, {
  closedEventId: z.uuid(),
  reason: z.literal('breach_withdrawn'),
  /** The `sla.clock-breached` event the closure rule acted on. */
  breachEventId: z.uuid(),
});

/** An agent asked for the next escalation level; the escalation service decides what follows. */
export const ComplaintEscalationRequestedV1 = defineLifecycleEvent('complaint.escalation-requested', 1, {
  trigger: z.literal('manual'),
});

export const ComplaintDisputeTierChangedV1 = defineLifecycleEvent('complaint.dispute-tier-changed', 1, {
  fromTier: z.string().min(1).max(50).nullable(),
  toTier: z.string().min(1).max(50),
});

export const ComplaintSellerNonCooperationReportedV1 = defineLifecycleEvent(
  'complaint.seller-non-cooperation-reported',
  1,
  { sellerId: z.string().min(1).max(100) },
);

export const COMPLAINT_LIFECYCLE_EVENTS = [
  ComplaintAcknowledgedV1,
  ComplaintResponseSentV1,
  ComplaintInfoRequestedV1,
  ComplaintCustomerRepliedV1,
  ComplaintAuthorizationVerifiedV1,
  ComplaintUpgradedV1,
  ComplaintExpectedDateSetV1,
  ComplaintResolvedV1,
  ComplaintReopenedV1,
  ComplaintClosedV1,
  ComplaintClosureWithdrawnV1,
  ComplaintEscalationRequestedV1,
  ComplaintDisputeTierChangedV1,
  ComplaintSellerNonCooperationReportedV1,
] as const;
