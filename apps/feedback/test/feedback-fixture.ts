import { Envelope, IntakeRequests, PolicyPublishedV1, RequestContract, ReplyValue, RequestPayload } from '@complaints/contracts';
import { TracedNatsClient, connectNats, createEvent } from '@complaints/messaging';
import { PolicyDocument, policyDigest } from '@complaints/policy';
import { TestBus, TestService, startTestService } from '@complaints/service-testing';
import { testInfrastructure, waitFor } from '@complaints/testing';
import { NatsConnection, Subscription } from 'nats';
import { firstValueFrom } from 'rxjs';
import { FeedbackConfig, feedbackEnvSchema, toFeedbackConfig } from '../src/feedback-config';
import { startFeedback } from '../src/feedback-app';

export interface OutboxEvent {
  readonly type: string;
  readonly complaintId: string;
  readonly data: Record<string, unknown>;
}

export const PUBLIC_BASE_URL = 'https://complaints.example.test';

/**
 * The feedback service running in-process. Tests publish what intake would (`bus`), play
 * intake's side of the customer-contact request (`customerLocales`), and make the requests
 * the gateway and notifications make.
 */
export class FeedbackFixture {
  /** The locale intake answers with, per complaint; a complaint not listed is unknown to intake. */
  readonly customerLocales = new Map<string, string | undefined>();

  private constructor(
    private readonly service: TestService<FeedbackConfig>,
    private readonly nats: NatsConnection,
    private readonly intake: Subscription,
    private readonly client: TracedNatsClient,
  ) {}

  static async start(): Promise<FeedbackFixture> {
    const service = await startTestService({
      envSchema: feedbackEnvSchema,
      toConfig: toFeedbackConfig,
      start: startFeedback,
      env: { PUBLIC_BASE_URL, SURVEY_LINK_SECRET: 'the survey link secret of the feedback tests', SURVEY_EXPIRY_INTERVAL_MS: '200' },
    });
    const { natsUrl } = await testInfrastructure();
    const nats = await connectNats({ natsUrl, serviceName: 'feedback-test-intake' });
    const topology = service.bus.topology;
    const client = new TracedNatsClient({ servers: [natsUrl], name: 'feedback-test-client' }, topology);
    // eslint-disable-next-line prefer-const -- the subscription's handler reads the fixture it belongs to
    let fixture: FeedbackFixture;
    const intake = nats.subscribe(topology.subject(IntakeRequests.getCustomerContact.pattern), {
      callback: (_error, message) => {
        // Nest's NATS transport: a request is {pattern, data, id}; the reply {id, response, isDisposed}.
        const request = JSON.parse(new TextDecoder().decode(message.data)) as { id: string; data: { complaintId: string } };
        message.respond(JSON.stringify({ id: request.id, response: fixture.contactReply(request.data.complaintId), isDisposed: true }));
      },
    });
    fixture = new FeedbackFixture(service, nats, intake, client);
    return fixture;
  }

  async stop(): Promise<void> {
    this.intake.unsubscribe();
    await this.client.close();
    await this.nats.close();
    await this.service.close();
  }

  get bus(): TestBus {
    return this.service.bus;
  }

  /** Publishes an event as its producer would, and gives it back. */
  async publish<E extends Envelope>(event: E): Promise<E> {
    await this.bus.publish(event);
    return event;
  }

  /** Publishes a policy version as intake does, and waits for feedback to know it. */
  async publishPolicy(policy: PolicyDocument): Promise<void> {
    await this.publish(
      createEvent(PolicyPublishedV1, {
        complaintId: null,
        actor: { kind: 'client', id: 'admin' },
        data: {
          policyId: policy.id,
          policyVersion: policy.version,
          effectiveFrom: policy.effectiveFrom,
          name: policy.name,
          digest: policyDigest(policy),
          document: policy as unknown as Record<string, unknown>,
        },
      }),
    );
  }

  request<C extends RequestContract>(contract: C, payload: RequestPayload<C>): Promise<ReplyValue<C>> {
    return firstValueFrom(this.client.send(contract.pattern, payload)).then((reply: unknown) => {
      const result = contract.result.parse(reply);
      if (!result.ok) throw new Error(`${contract.pattern}: ${result.problem.code}: ${result.problem.detail}`);
      return result.value as ReplyValue<C>;
    });
  }

  /** The request's problem code, for requests expected to fail. */
  async problemOf<C extends RequestContract>(contract: C, payload: RequestPayload<C>): Promise<string> {
    const result = contract.result.parse(await firstValueFrom(this.client.send(contract.pattern, payload)));
    return result.ok ? 'ok' : result.problem.code;
  }

  /** What feedback published about a complaint, oldest first. */
  async outboxEvents(complaintId: string): Promise<OutboxEvent[]> {
    const rows = await this.service.database.query<{ payload: OutboxEvent }>(
      `select payload from feedback.outbox where complaint_id = $1 order by created_at, id`,
      [complaintId],
    );
    return rows.map(({ payload }) => ({ type: payload.type, complaintId: payload.complaintId, data: payload.data }));
  }

  outboxEventsAtLeast(complaintId: string, count: number): Promise<OutboxEvent[]> {
    return waitFor(`${count} feedback events for ${complaintId}`, async () => {
      const events = await this.outboxEvents(complaintId);
      return events.length >= count ? events : undefined;
    });
  }

  /** Everything feedback stored and published, as text: where a token must never be. */
  async everythingStored(): Promise<string> {
    const [surveys, outbox] = await Promise.all([
      this.service.database.query(`select * from feedback.surveys`),
      this.service.database.query(`select * from feedback.outbox`),
    ]);
    return JSON.stringify([surveys, outbox]);
  }

  query<T extends object = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
    return this.service.database.query<T>(sql, params);
  }

  private contactReply(complaintId: string): unknown {
    if (!this.customerLocales.has(complaintId)) return { ok: false, problem: { code: 'not_found', detail: `complaint ${complaintId} was not found`, errors: [] } };
    const locale = this.customerLocales.get(complaintId);
    return {
      ok: true,
      value: {
        complaintId,
        reference: 'MIMO-2026-000042',
        organisationId: 'mimo',
        policyId: 'mimo',
        policyVersion: 1,
        status: 'resolved',
        customer: { name: 'Ada Lovelace', email: 'ada@example.org', ...(locale ? { locale } : {}) },
        note: null,
      },
    };
  }
}
