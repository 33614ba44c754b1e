/**
 * A trigger arrived for a complaint whose `complaint.received` escalation has not processed
 * yet. Events of different streams (and redeliveries within one) come in any order, so this
 * is a "not yet", never a "never": throwing rolls the inbox row back and the consumer
 * redelivers the event with back-off until the complaint is on its ladder.
 */
export class ComplaintNotOnLadderYetError extends Error {
  constructor(readonly complaintId: string) {
    super(`complaint ${complaintId} is not on an escalation ladder yet (complaint.received not processed)`);
    this.name = 'ComplaintNotOnLadderYetError';
  }
}
