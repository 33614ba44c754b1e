import { STREAMS, SurveyAnsweredV1, subjectOf } from '@complaints/contracts';
import { EventConsumerHost } from '@complaints/runtime';
import { Module, OnModuleInit } from '@nestjs/common';
import { DisputesModule } from '../disputes/disputes.module';
import { ApplyEscalationTrigger } from './apply-escalation-trigger';
import { COMPLAINT_LADDERS } from './complaint-ladder';
import { ComplaintEventsHandler } from './complaint-events.handler';
import { RecommendSellerSanction } from './recommend-seller-sanction';
import { SlaEventsHandler } from './sla-events.handler';
import { SqlComplaintLadderRepository } from './sql-complaint-ladder.repository';
import { StartLadder } from './start-ladder';
import { SurveyEventsHandler } from './survey-events.handler';

/**
 * A clock alert, an escalation request or a survey answer can reach escalation before the
 * complaint.received that puts the complaint on its ladder: they come on another stream, or a
 * failed delivery of `received` is retried after later events. The trigger then fails and
 * JetStream redelivers it with back-off (1 s, 2 s, 4 s … 30 s). Twenty deliveries wait about
 * eight minutes, enough for a restarted service to work through a COMPLAINTS backlog; an event
 * still orphaned then goes to the dead-letter stream for an operator, rather than waiting in a
 * table of our own that nobody watches. Redelivery needs no extra state, and the inbox makes it
 * harmless.
 */
const DELIVERIES_WHILE_WAITING_FOR_RECEIPT = 20;

/**
 * Escalation's consumers. Their events go to the outbox in the inbox transaction; the relay
 * picks them up at its next poll, since a consumer cannot wake it after that commit.
 */
@Module({
  imports: [DisputesModule],
  providers: [
    { provide: COMPLAINT_LADDERS, useClass: SqlComplaintLadderRepository },
    StartLadder,
    ApplyEscalationTrigger,
    RecommendSellerSanction,
    ComplaintEventsHandler,
    SlaEventsHandler,
    SurveyEventsHandler,
  ],
})
export class EscalationsModule implements OnModuleInit {
  constructor(
    private readonly consumers: EventConsumerHost,
    private readonly complaintEvents: ComplaintEventsHandler,
    private readonly slaEvents: SlaEventsHandler,
    private readonly surveyEvents: SurveyEventsHandler,
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
    this.consumers.register({
      durable: 'escalation-surveys',
      stream: STREAMS.surveys,
      // Only answers: whatever else feedback announces about a survey moves no ladder.
      filterSubject: subjectOf(SurveyAnsweredV1),
      maxDeliver: DELIVERIES_WHILE_WAITING_FOR_RECEIPT,
      handle: (event, tx) => this.surveyEvents.handle(event, tx),
    });
  }
}
