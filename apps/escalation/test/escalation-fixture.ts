import { loadConfig, serviceEnvSchema, toDatabaseServiceConfig } from '@complaints/config';
import {
  ComplaintDisputeTierChangedV1,
  ComplaintEscalationRequestedV1,
  ComplaintReceivedV1,
  ComplaintSellerNonCooperationReportedV1,
  Envelope,
  EventContract,
  EventData,
  SlaClockBreachedV1,
  SlaClockWarningV1,
  StreamDefinition,
  SurveyAnsweredV1,
} from '@complaints/contracts';
import { JetStreamEventPublisher, PublishResult, Topology, createEvent } from '@complaints/messaging';
import { executeSql } from '@complaints/persistence';
import { NATS_CONNECTION } from '@complaints/runtime';
import { Telemetry } from '@complaints/telemetry';
import {
  TestDatabase,
  createTestDatabase,
  deleteNamespaceStreams,
  testInfrastructure,
  uniqueNamespace,
  waitFor,
} from '@complaints/testing';
import { MikroORM } from '@mikro-orm/postgresql';
import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { PrometheusExporter } from '@opentelemetry/exporter-prometheus';
import { NatsConnection } from 'nats';
import { randomUUID } from 'node:crypto';
import { AppModule } from '../src/app.module';

const agent = { kind: 'client', id: 'agent-key' } as const;
const slaActor = { kind: 'service', id: 'sla' } as const;
const feedbackActor = { kind: 'service', id: 'feedback' } as const;

/** A complaint as the other services would describe it on the bus. */
export interface TestComplaint {
  readonly id: string;
  readonly policyId: 'mimo' | 'imolocale' | 'mit';
  readonly policyVersion: number;
}

export interface OutboxEvent {
  readonly type: string;
  readonly data: Record<string, unknown>;
}

/**
 * The escalation service running in-process against a fresh database and a NATS namespace
 * of its own; tests publish what intake and sla would and read what escalation wrote.
 */
export class EscalationFixture {
  private constructor(
    readonly app: INestApplication,
    private readonly database: TestDatabase,
    private readonly natsUrl: string,
    private readonly namespace: string,
  ) {}

  static async start(): Promise<EscalationFixture> {
    const database = await createTestDatabase();
    const { natsUrl } = await testInfrastructure();
    const namespace = uniqueNamespace();
    const config = toDatabaseServiceConfig(
      'escalation',
      loadConfig(serviceEnvSchema, {
        DATABASE_URL: database.url,
        NATS_URL: natsUrl,
        NATS_NAMESPACE: namespace,
        PORT: '3998',
        LOG_LEVEL: 'silent',
      }),
    );
    const telemetry: Telemetry = {
      prometheus: new PrometheusExporter({ preventServerStart: true }),
      shutdown: async () => undefined,
    };
    const app = await NestFactory.create(AppModule.forRoot(config, telemetry), {
      logger: false,
      abortOnError: false,
    });
    await app.init();
    return new EscalationFixture(app, database, natsUrl, namespace);
  }

  async stop(): Promise<void> {
    await this.app.close();
    await deleteNamespaceStreams(this.natsUrl, this.namespace);
    await this.database.drop();
  }

  get topology(): Topology {
    return new Topology(this.namespace);
  }

  newComplaint(policyId: TestComplaint['policyId']): TestComplaint {
    return { id: randomUUID(), policyId, policyVersion: 1 };
  }

  received(complaint: TestComplaint, sellerId: string | null = null): Promise<Envelope> {
    return this.publish(ComplaintReceivedV1, complaint.id, agent, {
      policyId: complaint.policyId,
      policyVersion: complaint.policyVersion,
      reference: referenceOf(complaint),
      kind: 'complaint',
      channel: 'email',
      status: 'received',
      receivedAt: '2026-03-02T10:00:00+01:00',
      firstContactAt: null,
      thirdParty: false,
      sellerId,
    });
  }

  escalationRequested(complaint: TestComplaint): Promise<Envelope> {
    return this.publish(ComplaintEscalationRequestedV1, complaint.id, agent, {
      ...lifecycleFacts(complaint),
      trigger: 'manual',
    });
  }

  sellerNonCooperation(complaint: TestComplaint, sellerId: string): Promise<Envelope> {
    return this.publish(ComplaintSellerNonCooperationReportedV1, complaint.id, agent, {
      ...lifecycleFacts(complaint),
      sellerId,
    });
  }

  /** A tier change as intake records it, not yet published, so a test can choose the delivery order. */
  disputeTierChange(
    complaint: TestComplaint,
    fromTier: string | null,
    toTier: string,
    changedBy: Envelope['actor'] = agent,
  ): Envelope {
    return createEvent(ComplaintDisputeTierChangedV1, {
      complaintId: complaint.id,
      actor: changedBy,
      data: { ...lifecycleFacts(complaint), fromTier, toTier },
    });
  }

  /** A survey answer as feedback will publish it: Mimo's 1–5 scale, dissatisfied at 2 or below. */
  surveyAnswered(complaint: TestComplaint, score: number): Promise<Envelope> {
    return this.publish(SurveyAnsweredV1, complaint.id, feedbackActor, {
      policyId: complaint.policyId,
      policyVersion: complaint.policyVersion,
      surveyId: randomUUID(),
      score,
      scale: { min: 1, max: 5 },
      dissatisfied: score <= 2,
      answeredAt: '2026-03-12T09:30:00+01:00',
    });
  }

  clockWarning(complaint: TestComplaint, metric: string): Promise<Envelope> {
    return this.publish(SlaClockWarningV1, complaint.id, slaActor, clockAlert(complaint, metric));
  }

  clockBreached(complaint: TestComplaint, metric: string): Promise<Envelope> {
    return this.publish(SlaClockBreachedV1, complaint.id, slaActor, clockAlert(complaint, metric));
  }

  /** What escalation published about a complaint, oldest first. */
  outboxEvents(complaintId: string): Promise<OutboxEvent[]> {
    return this.query<{ payload: OutboxEvent }>(
      `select payload from escalation.outbox where complaint_id = ? order by created_at, id`,
      [complaintId],
    ).then((rows) => rows.map(({ payload }) => ({ type: payload.type, data: payload.data })));
  }

  /** Waits until escalation has published at least `count` events about a complaint. */
  outboxEventsAtLeast(complaintId: string, count: number): Promise<OutboxEvent[]> {
    return waitFor(`${count} escalation events for ${complaintId}`, async () => {
      const events = await this.outboxEvents(complaintId);
      return events.length >= count ? events : undefined;
    });
  }

  async levelOf(complaintId: string): Promise<number | undefined> {
    const [row] = await this.query<{ level: number }>(
      `select level from escalation.complaint_ladders where complaint_id = ?`,
      [complaintId],
    );
    return row?.level;
  }

  async processed(eventId: string): Promise<boolean> {
    const rows = await this.query(`select 1 from escalation.inbox where event_id = ?`, [eventId]);
    return rows.length === 1;
  }

  query<T extends object = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
    return executeSql<T>(this.app.get(MikroORM).em.fork(), sql, params);
  }

  /** Publishes an event as its producer's outbox relay does, with the event id as the message id. */
  publishEvent(contract: EventContract, envelope: Envelope): Promise<PublishResult> {
    const publisher = new JetStreamEventPublisher(this.nats.jetstream());
    return publisher.publish({ subject: this.topology.eventSubject(contract), envelope });
  }

  /**
   * The same event as a new message, as when an outbox is replayed after JetStream's
   * duplicate window: only the consumer's inbox can tell it was processed. Returns its
   * stream sequence.
   */
  async replay(contract: EventContract, envelope: Envelope): Promise<number> {
    const ack = await this.nats
      .jetstream()
      .publish(this.topology.eventSubject(contract), JSON.stringify(envelope));
    return ack.seq;
  }

  /** Whether a durable consumer has acknowledged every message up to `sequence` of its stream. */
  async settled(stream: StreamDefinition, durable: string, sequence: number): Promise<boolean> {
    const jsm = await this.nats.jetstreamManager();
    const info = await jsm.consumers.info(this.topology.streamName(stream), durable);
    return info.ack_floor.stream_seq >= sequence;
  }

  private get nats(): NatsConnection {
    return this.app.get<NatsConnection>(NATS_CONNECTION);
  }

  private async publish<C extends EventContract>(
    contract: C,
    complaintId: string,
    actor: Envelope['actor'],
    data: EventData<C>,
  ): Promise<Envelope> {
    const envelope = createEvent(contract, { complaintId, actor, data });
    await this.publishEvent(contract, envelope);
    return envelope;
  }
}

function referenceOf(complaint: TestComplaint): string {
  return `${complaint.policyId.slice(0, 3).toUpperCase()}-2026-${complaint.id.replace(/\D/g, '').slice(0, 6).padEnd(6, '0')}`;
}

function lifecycleFacts(complaint: TestComplaint) {
  return {
    policyId: complaint.policyId,
    policyVersion: complaint.policyVersion,
    reference: referenceOf(complaint),
    kind: 'complaint',
    status: 'in_progress',
    previousStatus: 'in_progress',
  } as const;
}

function clockAlert(complaint: TestComplaint, metric: string) {
  return {
    metric,
    policyId: complaint.policyId,
    policyVersion: complaint.policyVersion,
    dueAt: '2026-03-03T10:00:00+01:00',
    warnAt: null,
    firedAt: '2026-03-03T10:00:00+01:00',
    lagMs: 0,
    late: false,
  } as const;
}
