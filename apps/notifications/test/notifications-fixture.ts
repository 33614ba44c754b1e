import {
  CustomerContactReply,
  Envelope,
  FeedbackRequests,
  IntakeRequests,
  NotificationRequests,
  RequestContract,
  RequestPayload,
  ReplyValue,
  RpcResult,
} from '@complaints/contracts';
import { NotFoundError } from '@complaints/domain';
import { Topology, TracedNatsClient } from '@complaints/messaging';
import { SmtpSink, TestService, answer, answerRequests, startTestService } from '@complaints/service-testing';
import { testInfrastructure, waitFor } from '@complaints/testing';
import { INestMicroservice } from '@nestjs/common';
import { firstValueFrom } from 'rxjs';
import { startNotifications } from '../src/notifications-app';
import { NotificationsConfig, notificationsEnvSchema, toNotificationsConfig } from '../src/notifications-config';

export interface OutboxEvent {
  readonly type: string;
  readonly data: Record<string, unknown>;
}

export interface DeliveryRow {
  readonly id: string;
  readonly message_type: string;
  readonly status: string;
  readonly attempts: number;
  readonly last_error_class: string | null;
}

type Customer = CustomerContactReply['customer'];

/**
 * The notifications service in-process, sending to a real SMTP server in the test (`smtp`);
 * the test plays intake (contacts and notes it registers) and feedback (survey links) over
 * request-reply, and publishes the events of the other services (`publish`).
 */
export class NotificationsFixture {
  /** Customers by complaint id, as intake would answer for them. */
  private readonly contacts = new Map<string, { reference: string; policyId: string; customer: Customer }>();
  /** Agents' notes by event id. */
  private readonly notes = new Map<string, string>();
  /** Who asked intake for contact data, and why: intake records as much. */
  readonly contactRequests: { complaintId: string; purpose: string }[] = [];

  private constructor(
    private readonly service: TestService<NotificationsConfig>,
    readonly smtp: SmtpSink,
    private readonly responder: INestMicroservice,
    private readonly client: TracedNatsClient,
  ) {}

  static async start(): Promise<NotificationsFixture> {
    const smtp = await SmtpSink.start();
    const service = await startTestService({
      envSchema: notificationsEnvSchema,
      toConfig: toNotificationsConfig,
      start: startNotifications,
      // Retries in milliseconds, so a test sees several without waiting minutes.
      env: { SMTP_URL: smtp.url, NOTIFY_RETRY_BASE_MS: '100', NOTIFY_RETRY_MAX_MS: '300', NOTIFY_MAX_ATTEMPTS: '50', NOTIFY_POLL_MS: '50' },
    });
    const { natsUrl } = await testInfrastructure();
    const namespace = service.config.natsNamespace as string;
    const fixture: { self?: NotificationsFixture } = {};
    const responder = await answerRequests(natsUrl, namespace, [
      answer(IntakeRequests.getCustomerContact, (request) => {
        const self = fixture.self as NotificationsFixture;
        self.contactRequests.push({ complaintId: request.complaintId, purpose: request.purpose });
        const contact = self.contacts.get(request.complaintId);
        if (!contact) throw new NotFoundError(`complaint ${request.complaintId}`);
        const note = request.eventId ? (self.notes.get(request.eventId) ?? null) : null;
        return Promise.resolve({
          complaintId: request.complaintId,
          reference: contact.reference,
          organisationId: contact.policyId,
          policyId: contact.policyId,
          policyVersion: 1,
          status: 'in_progress',
          customer: contact.customer,
          note,
        });
      }),
      answer(FeedbackRequests.getSurveyLink, (request) =>
        Promise.resolve({ surveyId: request.surveyId, url: `https://complaints.example/surveys/token-${request.surveyId}`, expiresAt: null }),
      ),
    ]);
    const client = new TracedNatsClient({ servers: [natsUrl] }, new Topology(namespace));
    fixture.self = new NotificationsFixture(service, smtp, responder, client);
    return fixture.self;
  }

  async stop(): Promise<void> {
    await this.client.close();
    await this.responder.close();
    await this.service.close();
    await this.smtp.stop();
  }

  /** Intake's contact data for a complaint (as the customer submitted it). */
  customer(complaintId: string, reference: string, policyId: string, customer: Customer): void {
    this.contacts.set(complaintId, { reference, policyId, customer });
  }

  /** The text an agent typed with an event. */
  note(event: Envelope, text: string): void {
    this.notes.set(event.id, text);
  }

  async publish<E extends Envelope>(event: E): Promise<E> {
    await this.service.bus.publish(event);
    return event;
  }

  /** The same event as a new message, as after an outbox replay: only the inbox can tell. */
  republish(event: Envelope): Promise<number> {
    return this.service.bus.republish(event);
  }

  async request<C extends RequestContract>(contract: C, payload: RequestPayload<C>): Promise<RpcResult<ReplyValue<C>>> {
    return contract.result.parse(await firstValueFrom(this.client.send(contract.pattern, payload))) as RpcResult<ReplyValue<C>>;
  }

  list(complaintId: string, organisationId = '*', role: 'agent' | 'admin' | 'submitter' = 'agent') {
    return this.request(NotificationRequests.listNotifications, { principal: { name: 'tester', role, organisationId }, complaintId });
  }

  async listed(complaintId: string): Promise<ReplyValue<typeof NotificationRequests.listNotifications>['items']> {
    const result = await this.list(complaintId);
    if (!result.ok) throw new Error(result.problem.detail);
    return result.value.items;
  }

  deliveries(complaintId: string): Promise<DeliveryRow[]> {
    return this.service.database.query<DeliveryRow>(
      `select id, message_type, status, attempts, last_error_class from notifications.deliveries where complaint_id = $1 order by created_at`,
      [complaintId],
    );
  }

  waitForDelivery(complaintId: string, what: string, check: (rows: DeliveryRow[]) => boolean, timeoutMs = 15_000): Promise<DeliveryRow[]> {
    return waitFor(what, async () => {
      const rows = await this.deliveries(complaintId);
      return check(rows) ? rows : undefined;
    }, timeoutMs);
  }

  async outboxEvents(complaintId: string): Promise<OutboxEvent[]> {
    const rows = await this.service.database.query<{ payload: OutboxEvent }>(
      `select payload from notifications.outbox where complaint_id = $1 order by created_at, id`,
      [complaintId],
    );
    return rows.map(({ payload }) => ({ type: payload.type, data: payload.data }));
  }

  /** Whether the email side processed the event (webhook consumers read the same streams under their own names). */
  async processed(eventId: string): Promise<boolean> {
    const rows = await this.service.database.query(
      `select 1 from notifications.inbox where event_id = $1 and consumer not like 'notifications-webhooks-%'`,
      [eventId],
    );
    return rows.length === 1;
  }
}
