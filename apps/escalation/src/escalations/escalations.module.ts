import { EventConsumerHost } from '@complaints/messaging';
import { Module, OnModuleInit } from '@nestjs/common';
import { DisputesModule } from '../disputes/disputes.module';
import { ApplyEscalationTrigger } from './apply-escalation-trigger';
import { ClockAlertsConsumer } from './clock-alerts.consumer';
import { COMPLAINT_LADDERS } from './complaint-ladder';
import { ComplaintEventsConsumer } from './complaint-events.consumer';
import { RecommendSellerSanction } from './recommend-seller-sanction';
import { SqlComplaintLadderRepository } from './sql-complaint-ladder.repository';
import { SqlWithdrawnBreachRepository } from './sql-withdrawn-breaches.repository';
import { StartLadder } from './start-ladder';
import { SurveyAnswersConsumer } from './survey-answers.consumer';
import { WithdrawBreachEscalation } from './withdraw-breach-escalation';
import { WITHDRAWN_BREACHES } from './withdrawn-breaches';

/** Escalation ladders, climbed by complaint events, clock alerts and survey answers. */
@Module({
  imports: [DisputesModule],
  providers: [
    { provide: COMPLAINT_LADDERS, useClass: SqlComplaintLadderRepository },
    { provide: WITHDRAWN_BREACHES, useClass: SqlWithdrawnBreachRepository },
    StartLadder,
    ApplyEscalationTrigger,
    WithdrawBreachEscalation,
    RecommendSellerSanction,
    ComplaintEventsConsumer,
    ClockAlertsConsumer,
    SurveyAnswersConsumer,
  ],
})
export class EscalationsModule implements OnModuleInit {
  constructor(
    private readonly consumers: EventConsumerHost,
    private readonly complaintEvents: ComplaintEventsConsumer,
    private readonly clockAlerts: ClockAlertsConsumer,
    private readonly surveyAnswers: SurveyAnswersConsumer,
  ) {}

  onModuleInit(): void {
    this.consumers.register(this.complaintEvents);
    this.consumers.register(this.clockAlerts);
    this.consumers.register(this.surveyAnswers);
  }
}
