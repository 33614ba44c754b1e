import { ComplaintReceivedV1, EventContract } from '@complaints/contracts';
import { Channel, CloseReason, ComplaintKind, ComplaintStatus, LifecycleCommand, decideTransition } from '@complaints/domain';

/**
 * A complaint as intake keeps it. Personal data and free text (customer contact, subject,
 * description, third party's and seller's names) exist only as one encrypted blob.
 */
export interface Complaint {
  readonly id: string;
  readonly reference: string;
  /** The organisation whose policy it follows; null under a template policy (platform operators only). */
  readonly organisationId: string | null;
  readonly policyId: string;
  readonly policyVersion: number;
  readonly kind: ComplaintKind;
  readonly channel: Channel;
  readonly status: ComplaintStatus;
  readonly receivedAt: Date;
  readonly firstContactAt: Date | null;
  readonly submittedBy: string;
  readonly acknowledged: boolean;
  readonly acknowledgedAt: Date | null;
  readonly upgradedAt: Date | null;
  readonly expectedResolutionAt: Date | null;
  readonly resolvedAt: Date | null;
  readonly closedAt: Date | null;
  readonly closeReason: CloseReason | null;
  readonly updatedAt: Date;
  readonly escalationLevel: number;
  readonly disputeTier: string | null;
  readonly thirdPartyRelationship: string | null;
  readonly authorizationVerifiedAt: Date | null;
  readonly sellerId: string | null;
  /** Null only for complaints stored before contact data was taken. */
  readonly contactKeyId: string | null;
  readonly contactCiphertext: Buffer | null;
  /** A keyed hash of the customer's email, to find their complaints without storing the address in clear. */
  readonly customerLookup: Buffer | null;
  /** When the personal data was erased (its data keys destroyed), on request or by retention. */
  readonly personalDataErasedAt: Date | null;
  /** While set, nothing erases the complaint's personal data: a legal hold. */
  readonly legalHoldSince: Date | null;
  /** Some promise of the complaint was broken (a clock breached); lists filter on it. */
  readonly breached: boolean;
}

/** What a submission decides about a complaint; every other fact starts the same for all. */
export type ComplaintSubmission = Pick<
  Complaint,
  | 'id'
  | 'reference'
  | 'organisationId'
  | 'policyId'
  | 'policyVersion'
  | 'kind'
  | 'channel'
  | 'status'
  | 'receivedAt'
  | 'firstContactAt'
  | 'submittedBy'
  | 'thirdPartyRelationship'
  | 'sellerId'
  | 'contactKeyId'
  | 'contactCiphertext'
  | 'customerLookup'
>;

/** An event the aggregate announces a change with: the data is checked against the contract when the event is made. */
export interface ComplaintEvent {
  readonly contract: EventContract;
  readonly data: Record<string, unknown>;
  readonly occurredAt: Date;
}

/** A complaint after a change, the event that announces it and the free text to keep with it, encrypted. */
export interface ComplaintChange {
  readonly complaint: Complaint;
  readonly event: ComplaintEvent;
  readonly note?: string;
}

/**
 * What one lifecycle command does beyond the status change: the domain command to decide
 * on, the facts it sets on the complaint, the event it publishes (its own data; the shared
 * facts are added by `changeLifecycle`) and the free text to keep encrypted.
 */
export interface LifecycleChange {
  readonly command: LifecycleCommand;
  readonly sets: Partial<Complaint>;
  readonly event: EventContract;
  /** From the complaint as it was before the command. */
  readonly eventData: (before: Complaint) => Record<string, unknown>;
  readonly note?: string;
}

/** A complaint as its submission leaves it, announced by `complaint.received`. */
export function newComplaint(submission: ComplaintSubmission): ComplaintChange {
  const complaint: Complaint = {
    ...submission,
    acknowledged: false,
    acknowledgedAt: null,
    upgradedAt: null,
    expectedResolutionAt: null,
    resolvedAt: null,
    closedAt: null,
    closeReason: null,
    updatedAt: submission.receivedAt,
    escalationLevel: 1,
    disputeTier: null,
    authorizationVerifiedAt: null,
    personalDataErasedAt: null,
    legalHoldSince: null,
    breached: false,
  };
  return {
    complaint,
    event: {
      contract: ComplaintReceivedV1,
      occurredAt: complaint.receivedAt,
      data: {
        policyId: complaint.policyId,
        policyVersion: complaint.policyVersion,
        reference: complaint.reference,
        kind: complaint.kind,
        channel: complaint.channel,
        status: complaint.status,
        receivedAt: complaint.receivedAt.toISOString(),
        firstContactAt: complaint.firstContactAt?.toISOString() ?? null,
        thirdParty: complaint.thirdPartyRelationship !== null,
        sellerId: complaint.sellerId,
      },
    },
  };
}

/**
 * One lifecycle change: the state machine decides (and throws on an illegal change), then the
 * complaint takes the new state and the change's facts. Whether an agent or a policy rule
 * asked for it, a change reads the same on the bus and on the timeline.
 */
export function changeLifecycle(complaint: Complaint, change: LifecycleChange, now: Date): ComplaintChange {
  const next = decideTransition(
    {
      status: complaint.status,
      kind: complaint.kind,
      acknowledged: complaint.acknowledged,
      hasSeller: complaint.sellerId !== null,
      disputeTier: complaint.disputeTier,
    },
    change.command,
  );
  const changed: Complaint = {
    ...complaint,
    status: next.status,
    kind: next.kind,
    acknowledged: next.acknowledged,
    updatedAt: now,
    ...change.sets,
  };
  return {
    complaint: changed,
    event: {
      contract: change.event,
      occurredAt: now,
      data: {
        policyId: changed.policyId,
        policyVersion: changed.policyVersion,
        reference: changed.reference,
        kind: changed.kind,
        status: changed.status,
        previousStatus: complaint.status,
        ...change.eventData(complaint),
      },
    },
    note: change.note,
  };
}

/**
 * The escalation service decides levels; the complaint follows the highest one it heard of,
 * since a retried delivery can arrive after a later step. Undefined when the level stays.
 */
export function followEscalationLevel(complaint: Complaint, level: number, now: Date): Complaint | undefined {
  return level > complaint.escalationLevel ? { ...complaint, escalationLevel: level, updatedAt: now } : undefined;
}

/**
 * The complaint moved back down after escalation undid a step; undefined unless it stands at the
 * level the lowering starts from (a step up that arrives after the lowering keeps the higher level).
 */
export function followEscalationLowering(complaint: Complaint, fromLevel: number, toLevel: number, now: Date): Complaint | undefined {
  return complaint.escalationLevel === fromLevel ? { ...complaint, escalationLevel: toLevel, updatedAt: now } : undefined;
}

/**
 * The complaint marked as having a breached clock or not, as sla's breaches now stand (one
 * reported, or the last one withdrawn); undefined when it is marked so already.
 */
export function markBreached(complaint: Complaint, breached: boolean, now: Date): Complaint | undefined {
  return complaint.breached === breached ? undefined : { ...complaint, breached, updatedAt: now };
}
