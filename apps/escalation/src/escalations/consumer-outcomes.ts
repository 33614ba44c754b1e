import { Envelope } from '@complaints/contracts';
import { ConsumerOutcome, Outcome } from '@complaints/messaging';
import { EscalationTriggerOutcome } from './apply-escalation-trigger';

/**
 * A clock alert, an escalation request or a survey answer can reach escalation before the
 * complaint.received that puts the complaint on its ladder: they come on another stream, or a
 * failed delivery of `received` is retried after later events. The trigger is then delivered
 * again with back-off (1 s, 2 s, 4 s … 30 s). Twenty deliveries wait about eight minutes, enough
 * for a restarted service to work through a COMPLAINTS backlog; an event still orphaned then
 * goes to the dead-letter stream for an operator, rather than waiting in a table of our own
 * that nobody watches. Redelivery needs no extra state, and the inbox makes it harmless.
 */
export const DELIVERIES_WHILE_WAITING_FOR_RECEIPT = 20;

/** Complaint, clock and survey events always name their complaint; one that does not is a producer's bug. */
export function namesNoComplaint(event: Envelope): ConsumerOutcome {
  return Outcome.reject(`${event.type} ${event.id} names no complaint`);
}

export function outcomeOfTrigger(complaintId: string, result: EscalationTriggerOutcome): ConsumerOutcome {
  return result === 'applied'
    ? Outcome.processed()
    : Outcome.retry(`complaint ${complaintId} is not on an escalation ladder yet (complaint.received not processed)`);
}
