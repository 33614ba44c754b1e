import { Channel, ComplaintKind } from '@complaints/domain';
import { ClockFacts, Pause, SeenClockEvent } from '@complaints/policy';

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
  /** In the order the events came, which is not always the order of their instants (a reply can be recorded late). */
  readonly clockEvents: readonly SeenClockEvent[];
}

const earliestFirst = (a: SeenClockEvent, b: SeenClockEvent): number => a.at - b.at;

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
    events: [...complaint.clockEvents].sort(earliestFirst),
  };
}
