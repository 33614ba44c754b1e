import { ComplaintReceivedV1, STREAMS } from '@complaints/contracts';
import { JetStreamEventPublisher, Topology, ensureStream } from '@complaints/messaging';
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
import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { PrometheusExporter } from '@opentelemetry/exporter-prometheus';
import { NatsConnection } from 'nats';
import { loadConfig } from '@complaints/config';
import { AppModule } from '../src/app.module';
import { GetComplaintClocks } from '../src/clocks/get-complaint-clocks';
import { slaEnvSchema, toSlaConfig } from '../src/sla-config';
import { ComplaintEvents } from './complaint-events';

describe('the sla service', () => {
  const namespace = uniqueNamespace();
  let database: TestDatabase;
  let natsUrl: string;
  let app: INestApplication;

  beforeAll(async () => {
    database = await createTestDatabase();
    natsUrl = (await testInfrastructure()).natsUrl;
    const config = toSlaConfig(
      loadConfig(slaEnvSchema, {
        DATABASE_URL: database.url,
        NATS_URL: natsUrl,
        NATS_NAMESPACE: namespace,
        PORT: '3999',
        LOG_LEVEL: 'silent',
        SLA_TIMER_LEASE_MS: '2000',
      }),
    );
    const telemetry: Telemetry = { prometheus: new PrometheusExporter({ preventServerStart: true }), shutdown: async () => undefined };
    app = await NestFactory.create(AppModule.forRoot(config, telemetry), { logger: false, abortOnError: false });
    await app.init();
  }, 30_000);

  afterAll(async () => {
    await app?.close();
    await deleteNamespaceStreams(natsUrl, namespace);
    await database.drop();
  });

  it('times a complaint from its events on the COMPLAINTS stream, and announces an overdue breach on the SLA stream', async () => {
    const nats = app.get<NatsConnection>(NATS_CONNECTION);
    const jsm = await nats.jetstreamManager();
    const topology = new Topology(namespace);
    await ensureStream(jsm, topology, STREAMS.complaints);
    // Received on a Friday afternoon two years ago: every deadline has passed, so its timers fire at once.
    const events = new ComplaintEvents();
    await new JetStreamEventPublisher(nats.jetstream()).publish({
      subject: topology.eventSubject(ComplaintReceivedV1),
      envelope: events.received('2024-11-22T16:30:00Z'),
    });

    const getClocks = app.get(GetComplaintClocks);
    const request = { actor: { kind: 'client', id: 'test' }, complaintId: events.complaintId } as const;
    const clocks = await waitFor('the acknowledgement clock to be breached', async () => {
      const view = await getClocks.execute(request);
      const acknowledgement = view.clocks.find((clock) => clock.metric === 'acknowledgement');
      return acknowledgement?.status === 'breached' && view.clocks;
    });
    expect(clocks.find((clock) => clock.metric === 'acknowledgement')).toMatchObject({
      dueAt: '2024-11-25T10:30:00.000Z',
      breachedAt: '2024-11-25T10:30:00.000Z',
    });
    const slaStream = topology.streamName(STREAMS.sla);
    await waitFor('breaches on the SLA stream', async () => (await jsm.streams.info(slaStream)).state.messages >= 1);
  });
});
