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
  LifecycleCommandMessage,
} from '@complaints/contracts';
import { PolicyDocument } from '@complaints/policy';
import { LifecycleChange } from './complaint';
import { assertNotInFuture } from './past-instants';
import { resolveDisputeTier } from './policy-admission';

const nothing = () => ({});

/** What an API lifecycle command means for a complaint under its policy, at `now`. */
export function lifecycleChange(message: LifecycleCommandMessage, policy: PolicyDocument, now: Date): LifecycleChange {
  switch (message.type) {
    case 'acknowledge':
      return {
        command: { type: 'acknowledge' },
        sets: { acknowledgedAt: now },
        event: ComplaintAcknowledgedV1,
        eventData: nothing,
        note: message.body.note,
      };
    case 'send_response':
      return {
        command: { type: 'send_response', responseType: message.body.type },
        sets: {},
        event: ComplaintResponseSentV1,
        eventData: () => ({ responseType: message.body.type, ...(message.body.channel ? { channel: message.body.channel } : {}) }),
        note: message.body.summary,
      };
    case 'request_info':
      return {
        command: { type: 'request_info' },
        sets: {},
        event: ComplaintInfoRequestedV1,
        eventData: nothing,
        note: message.body.question,
      };
    case 'record_customer_reply': {
      assertNotInFuture(now, { receivedAt: message.body.receivedAt });
      const receivedAt = message.body.receivedAt ?? now.toISOString();
      return {
        command: { type: 'record_customer_reply' },
        sets: {},
        event: ComplaintCustomerRepliedV1,
        eventData: () => ({ receivedAt }),
      };
    }
    case 'verify_authorization': {
      assertNotInFuture(now, { verifiedAt: message.body.verifiedAt });
      const verifiedAt = message.body.verifiedAt ? new Date(message.body.verifiedAt) : now;
      return {
        command: { type: 'verify_authorization' },
        sets: { authorizationVerifiedAt: verifiedAt },
        event: ComplaintAuthorizationVerifiedV1,
        eventData: () => ({ verifiedAt: verifiedAt.toISOString() }),
        note: message.body.evidence,
      };
    }
    case 'upgrade':
      return {
        command: { type: 'upgrade' },
        sets: { upgradedAt: now, acknowledgedAt: null },
        event: ComplaintUpgradedV1,
        eventData: (before) => ({ upgradedAt: now.toISOString(), originalReceivedAt: before.receivedAt.toISOString() }),
        note: message.body.reason,
      };
    case 'set_expected_date': {
      const expectedAt = new Date(message.body.expectedAt);
      return {
        command: { type: 'set_expected_date', expectedAt, now },
        sets: { expectedResolutionAt: expectedAt },
        event: ComplaintExpectedDateSetV1,
        eventData: () => ({ expectedAt: expectedAt.toISOString() }),
        note: message.body.reason,
      };
    }
    case 'resolve':
      return {
        command: { type: 'resolve' },
        sets: { resolvedAt: now },
        event: ComplaintResolvedV1,
        eventData: nothing,
        note: message.body.summary,
      };
    case 'reopen':
      return {
        command: { type: 'reopen' },
        sets: { resolvedAt: null },
        event: ComplaintReopenedV1,
        eventData: nothing,
        note: message.body.reason,
      };
    case 'close':
      return {
        command: { type: 'close', reason: message.body.reason },
        sets: { closedAt: now, closeReason: message.body.reason },
        event: ComplaintClosedV1,
        eventData: () => ({ reason: message.body.reason }),
        note: message.body.note,
      };
    case 'escalate':
      return {
        command: { type: 'escalate' },
        sets: {},
        event: ComplaintEscalationRequestedV1,
        eventData: () => ({ trigger: 'manual' }),
        note: message.body.reason,
      };
    case 'change_dispute_tier': {
      const { tier, allowedTiers } = resolveDisputeTier(policy, message.body.tier);
      return {
        command: { type: 'change_dispute_tier', tier, allowedTiers },
        sets: { disputeTier: tier },
        event: ComplaintDisputeTierChangedV1,
        eventData: (before) => ({ fromTier: before.disputeTier, toTier: tier }),
        note: message.body.reason,
      };
    }
    case 'report_seller_non_cooperation':
      return {
        command: { type: 'report_seller_non_cooperation' },
        sets: {},
        event: ComplaintSellerNonCooperationReportedV1,
        eventData: (before) => ({ sellerId: before.sellerId }),
        note: message.body.reason,
      };
  }
}
