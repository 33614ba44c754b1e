import { Channel, ComplaintKind } from '@complaints/domain';
import { ClockEvent, ClockFacts, Pause } from '@complaints/policy';

/** A policy clock event seen on the complaint, at the instant it happened. */
export interface ClockStop {
  readonly event: ClockEvent;
  readonly at: number;
}

/**
 * A complaint as sla knows it from its events: the facts its clocks are planned from, and
 * every clock event seen so far. Instants are epoch milliseconds, like the planner's.
 */
export interface SlaComplaint {
  readonly complaintId: string;
  readonly policyId: string;
  readonly policyVersion: number;
  readonly kind: ComplaintKind;
  readonly channel: Channel;
  readonly receivedAt: number;
  readonly firstContactAt?: number;
  readonly upgradedAt?: number;
  readonly thirdParty: boolean;
  readonly authorisationVerifiedAt?: number;
  /** The latest request for information: the customer's window to answer starts there. */
  readonly informationRequestedAt?: number;
  readonly expectedAt?: number;
  /** Only pauses awaiting the customer: the planner derives the wait for an authorisation itself. */
  readonly pauses: readonly Pause[];
  readonly stops: readonly ClockStop[];
}

/** What the planner needs to know, from what sla knows. */
export function clockFactsOf(complaint: SlaComplaint): ClockFacts {
  return {
    kind: complaint.kind,
    channel: complaint.channel,
    receivedAt: complaint.receivedAt,
    firstContactAt: complaint.firstContactAt,
    upgradedAt: complaint.upgradedAt,
    thirdParty: complaint.thirdParty,
    authorisationVerifiedAt: complaint.authorisationVerifiedAt,
    informationRequestedAt: complaint.informationRequestedAt,
    pauses: complaint.pauses,
    expectedDate: complaint.expectedAt,
  };
}
