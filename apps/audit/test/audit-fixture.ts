import { loadConfig } from '@complaints/config';
import {
  ComplaintAcknowledgedV1,
  ComplaintReceivedV1,
  Envelope,
  EventContract,
  EventData,
  SlaClockWarningV1,
  SurveyAnsweredV1,
} from '@complaints/contracts';
import { JetStreamEventPublisher, Topology, createEvent } from '@complaints/messaging';
import { executeSql } from '@complaints/persistence';
import { NATS_CONNECTION } from '@complaints/runtime';
import { Telemetry } from '@complaints/telemetry';
import { TestDatabase, createTestDatabase, deleteNamespaceStreams, testInfrastructure, uniqueNamespace } from '@complaints/testing';
import { MikroORM } from '@mikro-orm/postgresql';
import { INestApplication, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { PrometheusExporter } from '@opentelemetry/exporter-prometheus';
import { NatsConnection } from 'nats';
import { randomUUID } from 'node:crypto';
import { AppModule } from '../src/app.module';
import { auditEnvSchema, toAuditConfig } from '../src/audit-config';

const agent = { kind: 'client', id: 'agent-key' } as const;

/** A complaint as intake, sla and feedback would describe it on the bus. */
export class TestComplaint {
  readonly id = randomUUID();
  readonly reference = `MIMO-2026-${String(Math.floor(Math.random() * 1_000_000)).padStart(6, '0')}`;

  received(): Envelope {
    return createEvent(ComplaintReceivedV1, {
      complaintId: this.id,
      actor: agent,
      data: {
        policyId: 'mimo',
        policyVersion: 1,
        reference: this.reference,
        kind: 'complaint',
        channel: 'email',
        status: 'received',
        receivedAt: '2026-03-02T10:00:00+01:00',
        firstContactAt: null,
        thirdParty: false,
        sellerId: null,
      },
    });
  }

  acknowledged(): Envelope {
    return createEvent(ComplaintAcknowledgedV1, {
      complaintId: this.id,
      actor: agent,
      data: { policyId: 'mimo', policyVersion: 1, reference: this.reference, kind: 'complaint', status: 'acknowledged', previousStatus: 'received' },
    });
  }

  /** A clock warning carries no reference: the register takes it from the complaint's earlier entries. */
  clockWarning(): Envelope {
    const data: EventData<typeof SlaClockWarningV1> = {
      metric: 'resolution',
      policyId: 'mimo',
      policyVersion: 1,
      dueAt: '2026-03-03T10:00:00+01:00',
      warnAt: '2026-03-03T08:00:00+01:00',
      firedAt: '2026-03-03T08:00:00+01:00',
      lagMs: 0,
      late: false,
    };
    return createEvent(SlaClockWarningV1, { complaintId: this.id, actor: { kind: 'service', id: 'sla' }, data });
  }

  surveyAnswered(): Envelope {
    return createEvent(SurveyAnsweredV1, {
      complaintId: this.id,
      actor: { kind: 'service', id: 'feedback' },
      data: {
        policyId: 'mimo',
        policyVersion: 1,
        surveyId: randomUUID(),
        score: 4,
        scale: { min: 1, max: 5 },
        dissatisfied: false,
        satisfied: true,
        answeredAt: '2026-03-12T09:30:00+01:00',
      },
    });
  }
}

const CONTRACTS: readonly EventContract[] = [ComplaintReceivedV1, ComplaintAcknowledgedV1, SlaClockWarningV1, SurveyAnsweredV1];

/**
 * The audit service running in-process against a fresh database and a NATS namespace of its
 * own; tests publish what the other services would and read the register back.
 */
export class AuditFixture {
  static readonly origin = 'audit.test/register';

  private constructor(
    readonly app: INestApplication,
    private readonly database: TestDatabase,
    private readonly natsUrl: string,
    private readonly namespace: string,
  ) {}

  static async start(env: Record<string, string> = {}): Promise<AuditFixture> {
    const database = await createTestDatabase();
    const { natsUrl } = await testInfrastructure();
    const namespace = uniqueNamespace();
    const config = toAuditConfig(
      loadConfig(auditEnvSchema, {
        DATABASE_URL: database.url,
        NATS_URL: natsUrl,
        NATS_NAMESPACE: namespace,
        PORT: '3997',
        LOG_LEVEL: 'silent',
        AUDIT_ORIGIN: AuditFixture.origin,
        AUDIT_CHECKPOINT_EVERY: '4',
        AUDIT_CHECKPOINT_INTERVAL_MS: '300',
        ...env,
      }),
    );
    const telemetry: Telemetry = { prometheus: new PrometheusExporter({ preventServerStart: true }), shutdown: async () => undefined };
    const app = await NestFactory.create(AppModule.forRoot(config, telemetry), { logger: false, abortOnError: false });
    await app.init();
    return new AuditFixture(app, database, natsUrl, namespace);
  }

  async stop(): Promise<void> {
    await this.app.close();
    await deleteNamespaceStreams(this.natsUrl, this.namespace);
    await this.database.drop();
  }

  use<T>(useCase: Type<T>): T {
    return this.app.get(useCase);
  }

  /** Publishes an event as its producer's outbox relay does, with the event id as the message id. */
  async publish(...envelopes: Envelope[]): Promise<void> {
    const publisher = new JetStreamEventPublisher(this.nats.jetstream());
    for (const envelope of envelopes) await publisher.publish({ subject: this.subjectOf(envelope), envelope });
  }

  /** The same event as a new message, as after JetStream's duplicate window: only the register can tell. */
  async replay(envelope: Envelope): Promise<void> {
    await this.nats.jetstream().publish(this.subjectOf(envelope), JSON.stringify(envelope));
  }

  query<T extends object = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
    return executeSql<T>(this.app.get(MikroORM).em.fork(), sql, params);
  }

  private subjectOf(envelope: Envelope): string {
    const contract = CONTRACTS.find((c) => c.type === envelope.type);
    if (!contract) throw new Error(`no test contract for ${envelope.type}`);
    return new Topology(this.namespace).eventSubject(contract);
  }

  private get nats(): NatsConnection {
    return this.app.get<NatsConnection>(NATS_CONNECTION);
  }
}
