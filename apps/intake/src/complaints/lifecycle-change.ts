import {
  ComplaintAcknowledgedV1,
  ComplaintAuthorizationVerifiedV1,
  ComplaintClosedV1,
  ComplaintCustomerRepliedV1,
  ComplaintDisputeTierChangedV1,
  ComplaintEscalationRequestedV1,
  ComplaintExpectedDateSetV1,
  ComplaintInfoRequestedV1,
  ComplaintReopenedV1,
  ComplaintResolvedV1,
  ComplaintResponseSentV1,
  ComplaintSellerNonCooperationReportedV1,
  ComplaintUpgradedV1,
  EventContract,
  LifecycleCommandMessage,
} from '@complaints/contracts';
import { LifecycleCommand } from '@complaints/domain';
import { PolicyDocument } from '@complaints/policy';
import { ComplaintRecord } from './complaint.entity';
import { assertNotInFuture } from './not-in-future';
import { resolveDisputeTier } from './policy-admission';

/**
 * What one lifecycle command does beyond the status change: the domain command to decide
 * on, the facts it records on the complaint, the event it publishes (its own data; the
 * shared facts are added by the caller) and the free text to keep encrypted.
 */
export interface LifecycleChange {
  readonly command: LifecycleCommand;
  readonly record: (complaint: ComplaintRecord) => void;
  readonly event: EventContract;
  /** From the complaint as it was before the command. */
  readonly eventData: (before: Readonly<ComplaintRecord>) => Record<string, unknown>;
  readonly note?: string;
}

const nothing = () => ({});

export function lifecycleChange(message: LifecycleCommandMessage, policy: PolicyDocument, now: Date): LifecycleChange {
  switch (message.type) {
    case 'acknowledge':
      return {
        command: { type: 'acknowledge' },
        record: (c) => (c.acknowledgedAt = now),
        event: ComplaintAcknowledgedV1,
        eventData: nothing,
        note: message.body.note,
      };
    case 'send_response':
      return {
        command: { type: 'send_response', responseType: message.body.type },
        record: () => undefined,
        event: ComplaintResponseSentV1,
        eventData: () => ({ responseType: message.body.type, ...(message.body.channel ? { channel: message.body.channel } : {}) }),
        note: message.body.summary,
      };
    case 'request_info':
      return {
        command: { type: 'request_info' },
        record: () => undefined,
        event: ComplaintInfoRequestedV1,
        eventData: nothing,
        note: message.body.question,
      };
    case 'record_customer_reply': {
      assertNotInFuture(now, { receivedAt: message.body.receivedAt });
      const receivedAt = message.body.receivedAt ?? now.toISOString();
      return {
        command: { type: 'record_customer_reply' },
        record: () => undefined,
        event: ComplaintCustomerRepliedV1,
        eventData: () => ({ receivedAt }),
      };
    }
    case 'verify_authorization': {
      assertNotInFuture(now, { verifiedAt: message.body.verifiedAt });
      const verifiedAt = message.body.verifiedAt ? new Date(message.body.verifiedAt) : now;
      return {
        command: { type: 'verify_authorization' },
        record: (c) => (c.authorizationVerifiedAt = verifiedAt),
        event: ComplaintAuthorizationVerifiedV1,
        eventData: () => ({ verifiedAt: verifiedAt.toISOString() }),
        note: message.body.evidence,
      };
    }
    case 'upgrade':
      return {
        command: { type: 'upgrade' },
        record: (c) => {
          c.upgradedAt = now;
          c.acknowledgedAt = null;
        },
        event: ComplaintUpgradedV1,
        eventData: (before) => ({ upgradedAt: now.toISOString(), originalReceivedAt: before.receivedAt.toISOString() }),
        note: message.body.reason,
      };
    case 'set_expected_date': {
      const expectedAt = new Date(message.body.expectedAt);
      return {
        command: { type: 'set_expected_date', expectedAt, now },
        record: (c) => (c.expectedResolutionAt = expectedAt),
        event: ComplaintExpectedDateSetV1,
        eventData: () => ({ expectedAt: expectedAt.toISOString() }),
        note: message.body.reason,
      };
    }
    case 'resolve':
      return {
        command: { type: 'resolve' },
        record: (c) => (c.resolvedAt = now),
        event: ComplaintResolvedV1,
        eventData: nothing,
        note: message.body.summary,
      };
    case 'reopen':
      return {
        command: { type: 'reopen' },
        record: (c) => (c.resolvedAt = null),
        event: ComplaintReopenedV1,
        eventData: nothing,
        note: message.body.reason,
      };
    case 'close':
      return {
        command: { type: 'close', reason: message.body.reason },
        record: (c) => {
          c.closedAt = now;
          c.closeReason = message.body.reason;
        },
        event: ComplaintClosedV1,
        eventData: () => ({ reason: message.body.reason }),
        note: message.body.note,
      };
    case 'escalate':
      return {
        command: { type: 'escalate' },
        record: () => undefined,
        event: ComplaintEscalationRequestedV1,
        eventData: () => ({ trigger: 'manual' }),
        note: message.body.reason,
      };
    case 'change_dispute_tier': {
      const { tier, allowedTiers } = resolveDisputeTier(policy, message.body.tier);
      return {
        command: { type: 'change_dispute_tier', tier, allowedTiers },
        record: (c) => (c.disputeTier = tier),
        event: ComplaintDisputeTierChangedV1,
        eventData: (before) => ({ fromTier: before.disputeTier, toTier: tier }),
        note: message.body.reason,
      };
    }
    case 'report_seller_non_cooperation':
      return {
        command: { type: 'report_seller_non_cooperation' },
        record: () => undefined,
        event: ComplaintSellerNonCooperationReportedV1,
        eventData: (before) => ({ sellerId: before.sellerId }),
        note: message.body.reason,
      };
  }
}
