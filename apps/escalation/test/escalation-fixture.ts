import { loadConfig, serviceEnvSchema, toServiceConfig } from '@complaints/config';
import {
  ComplaintEscalationRequestedV1,
  ComplaintReceivedV1,
  ComplaintSellerNonCooperationReportedV1,
  Envelope,
  EventContract,
  EventData,
  SlaClockBreachedV1,
  SlaClockWarningV1,
} from '@complaints/contracts';
import { JetStreamEventPublisher, Topology, createEvent } from '@complaints/messaging';
import { executeSql } from '@complaints/persistence';
import { NATS_CONNECTION } from '@complaints/runtime';
import { Telemetry } from '@complaints/telemetry';
import {
  TestDatabase,
  createTestDatabase,
  deleteNamespaceStreams,
  testInfrastructure,
  uniqueNamespace,
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

/** A complaint as the other services would describe it on the bus. */
export interface TestComplaint {
  readonly id: string;
  readonly policyId: 'mimo' | 'imolocale';
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
    const config = toServiceConfig(
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

  private async publish<C extends EventContract>(
    contract: C,
    complaintId: string,
    actor: Envelope['actor'],
    data: EventData<C>,
  ): Promise<Envelope> {
    const envelope = createEvent(contract, { complaintId, actor, data });
    const publisher = new JetStreamEventPublisher(this.app.get<NatsConnection>(NATS_CONNECTION).jetstream());
    await publisher.publish({ subject: this.topology.eventSubject(contract), envelope });
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
