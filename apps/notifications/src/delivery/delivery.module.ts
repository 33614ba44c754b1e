import { EventConsumerHost } from '@complaints/messaging';
import { SERVICE_CONFIG } from '@complaints/runtime';
import { Inject, Module, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { NotificationsConfig } from '../notifications-config';
import { AttemptDelivery } from './attempt-delivery';
import { ClockBreachesConsumer } from './clock-breaches.consumer';
import { COMPLAINT_HISTORY } from './complaint-history';
import { ComplaintEventsConsumer } from './complaint-events.consumer';
import { DELIVERIES } from './delivery';
import { DeliveryWorker } from './delivery-worker';
import { EscalationEventsConsumer } from './escalation-events.consumer';
import { ListNotifications } from './list-notifications';
import { MAIL_SENDER, MailSender } from './mail-sender';
import { NotificationsHandlers } from './notifications.handlers';
import { RecordTrigger } from './record-trigger';
import { RetryNotification } from './retry-notification';
import { SendDueDeliveries } from './send-due-deliveries';
import { ServiceRequests } from './service-requests';
import { SmtpMailSender } from './smtp-mail-sender';
import { SqlComplaintHistoryRepository } from './sql-complaint-history.repository';
import { SqlDeliveryRepository } from './sql-delivery.repository';
import { SurveyEventsConsumer } from './survey-events.consumer';

/** Deliveries planned from events, sent by email with retries, and shown to agents. */
@Module({
  controllers: [NotificationsHandlers],
  providers: [
    { provide: COMPLAINT_HISTORY, useClass: SqlComplaintHistoryRepository },
    { provide: DELIVERIES, useClass: SqlDeliveryRepository },
    {
      provide: MAIL_SENDER,
      useFactory: (config: NotificationsConfig): MailSender => new SmtpMailSender(config.smtpUrl, config.mailFrom),
      inject: [SERVICE_CONFIG],
    },
    ServiceRequests,
    AttemptDelivery,
    SendDueDeliveries,
    DeliveryWorker,
    RecordTrigger,
    ComplaintEventsConsumer,
    ClockBreachesConsumer,
    EscalationEventsConsumer,
    SurveyEventsConsumer,
    ListNotifications,
    RetryNotification,
  ],
})
export class DeliveryModule implements OnModuleInit, OnModuleDestroy {
  constructor(
    private readonly consumers: EventConsumerHost,
    private readonly complaintEvents: ComplaintEventsConsumer,
    private readonly clockBreaches: ClockBreachesConsumer,
    private readonly escalationEvents: EscalationEventsConsumer,
    private readonly surveyEvents: SurveyEventsConsumer,
    @Inject(MAIL_SENDER) private readonly mail: MailSender,
  ) {}

  onModuleInit(): void {
    this.consumers.register(this.complaintEvents);
    this.consumers.register(this.clockBreaches);
    this.consumers.register(this.escalationEvents);
    this.consumers.register(this.surveyEvents);
  }

  onModuleDestroy(): void {
    this.mail.close();
  }
}
