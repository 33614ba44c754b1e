import { STREAMS } from '@complaints/contracts';
import { EventConsumerHost } from '@complaints/runtime';
import { Module, OnModuleInit } from '@nestjs/common';
import { ApplyEscalationTrigger } from './apply-escalation-trigger';
import { COMPLAINT_LADDERS } from './complaint-ladder';
import { ComplaintEventsHandler } from './complaint-events.handler';
import { RecommendSellerSanction } from './recommend-seller-sanction';
import { SlaEventsHandler } from './sla-events.handler';
import { SqlComplaintLadderRepository } from './sql-complaint-ladder.repository';
import { StartLadder } from './start-ladder';

/**
 * A clock alert or an escalation request can reach escalation before the complaint.received
 * that puts the complaint on its ladder: they come on another stream, or a failed delivery of
 * `received` is retried after later events. The trigger then fails and JetStream redelivers
 * it with back-off (1 s, 2 s, 4 s … 30 s). Twenty deliveries wait about eight minutes, enough
 * for a restarted service to work through a COMPLAINTS backlog; an event still orphaned then
 * goes to the dead-letter stream for an operator, rather than waiting in a table of our own
 * that nobody watches. Redelivery needs no extra state, and the inbox makes it harmless.
 */
const DELIVERIES_WHILE_WAITING_FOR_RECEIPT = 20;

/**
 * Escalation's consumers. Their events go to the outbox in the inbox transaction; the relay
 * picks them up at its next poll, since a consumer cannot wake it after that commit.
 */
@Module({
  providers: [
    { provide: COMPLAINT_LADDERS, useClass: SqlComplaintLadderRepository },
    StartLadder,
    ApplyEscalationTrigger,
    RecommendSellerSanction,
    ComplaintEventsHandler,
    SlaEventsHandler,
  ],
})
export class EscalationsModule implements OnModuleInit {
  constructor(
    private readonly consumers: EventConsumerHost,
    private readonly complaintEvents: ComplaintEventsHandler,
    private readonly slaEvents: SlaEventsHandler,
  ) {}

  onModuleInit(): void {
    this.consumers.register({
      // The name the inbox-only consumer had, so a deployed service resumes where it stopped.
      durable: 'escalation',
      stream: STREAMS.complaints,
      maxDeliver: DELIVERIES_WHILE_WAITING_FOR_RECEIPT,
      handle: (event, tx) => this.complaintEvents.handle(event, tx),
    });
    this.consumers.register({
      durable: 'escalation-sla',
      stream: STREAMS.sla,
      maxDeliver: DELIVERIES_WHILE_WAITING_FOR_RECEIPT,
      handle: (event, tx) => this.slaEvents.handle(event, tx),
    });
  }
}
