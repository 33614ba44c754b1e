import {
  ComplaintAcknowledgedV1,
  ComplaintAuthorizationVerifiedV1,
  ComplaintClosedV1,
  ComplaintClosureWithdrawnV1,
  ComplaintCustomerRepliedV1,
  ComplaintExpectedDateSetV1,
  ComplaintInfoRequestedV1,
  ComplaintReceivedV1,
  ComplaintReopenedV1,
  ComplaintResolvedV1,
  ComplaintResponseSentV1,
  ComplaintUpgradedV1,
  Envelope,
  EventContract,
  EventData,
} from '@complaints/contracts';
import { ResponseType } from '@complaints/domain';
import { ClockEvent } from '@complaints/policy';
import { SlaComplaint } from './sla-complaint';

/** What one complaint event means to sla. */
export interface ComplaintEventEffect {
  /** The facts after the event; undefined while sla does not know the complaint (only its receipt introduces it). */
  readonly update: (complaint: SlaComplaint | undefined) => SlaComplaint | undefined;
  /** The policy's clock events it is: what stops (meets) or restarts the clocks that list them. */
  readonly clockEvents: readonly ClockEvent[];
  /** When those clock events happened. */
  readonly at: number;
  /** The id of an earlier event this one undoes: the replay leaves that event out, whichever came first. */
  readonly voids?: string;
}

/** An event about one complaint (events of the COMPLAINTS stream always name theirs). */
export type ComplaintEnvelope = Envelope & { readonly complaintId: string };

interface ComplaintEventRule<C extends EventContract = EventContract> {
  readonly contract: C;
  readonly effect: (data: EventData<C>, event: ComplaintEnvelope) => ComplaintEventEffect;
}

function rule<C extends EventContract>(contract: C, effect: ComplaintEventRule<C>['effect']): ComplaintEventRule {
  // The table holds rules of every contract; each is only ever given its own contract's data.
  return { contract, effect: (data, event) => effect(data as EventData<C>, event) };
}

const instant = (iso: string): number => Date.parse(iso);
const occurred = (event: Envelope): number => instant(event.occurredAt);

/** An event that changes no fact and is exactly these clock events, when it happened. */
function clockEventsOnly(...clockEvents: ClockEvent[]) {
  return (_data: unknown, event: Envelope): ComplaintEventEffect => ({
    update: (complaint) => complaint,
    clockEvents,
    at: occurred(event),
  });
}

/**
 * Every response is a reply to the customer (an update too, so it meets a first reply still
 * due); some also keep a particular promise, and an update starts a new span of a clock that
 * recurs on updates (imolocale's regular_update).
 */
const RESPONSE_CLOCK_EVENTS: Record<ResponseType, readonly ClockEvent[]> = {
  first_reply: ['responded'],
  interim: ['responded', 'interim_response_sent'],
  findings: ['responded', 'findings_reported'],
  final: ['responded', 'corrective_actions_proposed'],
  update: ['responded', 'update_sent'],
};

/** A request for information pauses what waits on the customer, unless a request is already open. */
function awaitCustomer(complaint: SlaComplaint, at: number): SlaComplaint {
  const open = complaint.pauses.some((pause) => pause.to === undefined);
  return {
    ...complaint,
    informationRequestedAt: at,
    pauses: open ? complaint.pauses : [...complaint.pauses, { from: at, reason: 'awaiting_customer' }],
  };
}

/**
 * The customer's reply ends the open pause when it arrived, which may be before the event
 * (recorded late), though never before the pause began. An empty pause is dropped.
 */
function customerAnswered(complaint: SlaComplaint, repliedAt: number): SlaComplaint {
  const pauses = complaint.pauses.flatMap((pause) => {
    if (pause.to !== undefined) return [pause];
    const to = Math.max(pause.from, repliedAt);
    return to > pause.from ? [{ ...pause, to }] : [];
  });
  return { ...complaint, pauses };
}

const RULES: readonly ComplaintEventRule[] = [
  rule(ComplaintReceivedV1, (data, event) => ({
    // A complaint is received once; should its receipt come again under another event id, what sla knows stands.
    update: (known) =>
      known ?? {
        complaintId: event.complaintId,
        policyId: data.policyId,
        policyVersion: data.policyVersion,
        kind: data.kind,
        channel: data.channel,
        receivedAt: instant(data.receivedAt),
        firstContactAt: data.firstContactAt === null ? undefined : instant(data.firstContactAt),
        thirdParty: data.thirdParty,
        pauses: [],
        clockEvents: [],
      },
    clockEvents: [],
    at: occurred(event),
  })),
  rule(ComplaintAcknowledgedV1, clockEventsOnly('acknowledged')),
  rule(ComplaintResponseSentV1, (data, event) => clockEventsOnly(...RESPONSE_CLOCK_EVENTS[data.responseType])(data, event)),
  rule(ComplaintInfoRequestedV1, (_data, event) => ({
    update: (known) => known && awaitCustomer(known, occurred(event)),
    clockEvents: [],
    at: occurred(event),
  })),
  rule(ComplaintCustomerRepliedV1, (data) => ({
    update: (known) => known && customerAnswered(known, instant(data.receivedAt)),
    clockEvents: ['customer_replied'],
    at: instant(data.receivedAt),
  })),
  rule(ComplaintAuthorizationVerifiedV1, (data, event) => ({
    update: (known) => known && { ...known, authorisationVerifiedAt: instant(data.verifiedAt) },
    clockEvents: [],
    at: occurred(event),
  })),
  rule(ComplaintUpgradedV1, (data) => ({
    update: (known) => known && { ...known, kind: 'complaint', upgradedAt: instant(data.upgradedAt) },
    clockEvents: ['upgraded'],
    at: instant(data.upgradedAt),
  })),
  rule(ComplaintExpectedDateSetV1, (data, event) => ({
    update: (known) => known && { ...known, expectedAt: instant(data.expectedAt) },
    clockEvents: [],
    at: occurred(event),
  })),
  rule(ComplaintResolvedV1, clockEventsOnly('resolved')),
  // No policy clock restarts on a reopen (the vocabulary has no such event): the promises
  // kept at the first resolution stay kept.
  rule(ComplaintReopenedV1, clockEventsOnly()),
  rule(ComplaintClosedV1, clockEventsOnly('closed')),
  // The closure it names proved false: the clocks stand as if it had not happened.
  rule(ComplaintClosureWithdrawnV1, (data, event) => ({ ...clockEventsOnly()(data, event), voids: data.closedEventId })),
];

const BY_TYPE = new Map(RULES.map((entry) => [`${entry.contract.type}@${entry.contract.version}`, entry]));

/** The complaint events that touch a clock: the ones sla consumes. */
export const CLOCK_EVENTS: readonly EventContract[] = RULES.map((entry) => entry.contract);

/**
 * What a complaint event, its data already checked against its contract by the consumer, means
 * to sla's clocks; undefined for events that touch no clock (escalations, dispute tiers, sellers).
 */
export function complaintEventEffect(event: ComplaintEnvelope): ComplaintEventEffect | undefined {
  const entry = BY_TYPE.get(`${event.type}@${event.version}`);
  return entry?.effect(event.data, event);
}

/** The facts after the event, with its clock events recorded; undefined while sla does not know the complaint. */
export function applyComplaintEvent(
  known: SlaComplaint | undefined,
  effect: ComplaintEventEffect,
): SlaComplaint | undefined {
  const updated = effect.update(known);
  if (!updated || effect.clockEvents.length === 0) return updated;
  const seen = effect.clockEvents.map((event) => ({ event, at: effect.at }));
  return { ...updated, clockEvents: [...updated.clockEvents, ...seen] };
}
