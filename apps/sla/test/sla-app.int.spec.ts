import { STREAMS } from '@complaints/contracts';
import { Topology } from '@complaints/messaging';
import { NATS_CONNECTION, UnitOfWork } from '@complaints/runtime';
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
import { slaEnvSchema, toSlaConfig } from '../src/sla-config';
import { TimerHandlers, TimerScheduler, TimerStore } from '../src/timers';
import { breachTimer, emitBreach } from './timer-fixture';

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
    // What a clock module does in its onModuleInit.
    app.get(TimerHandlers).register('clock_breach', emitBreach);
    await app.init();
  }, 30_000);

  afterAll(async () => {
    await app?.close();
    await deleteNamespaceStreams(natsUrl, namespace);
    await database.drop();
  });

  it('fires timers once it is up, and their events reach the SLA stream', async () => {
    const store = app.get(TimerStore);
    const dueAt = new Date(Date.now() + 200);
    await app.get(UnitOfWork).run((tx) => store.schedule(tx, breachTimer(dueAt)));
    app.get(TimerScheduler).notify(dueAt);

    const jsm = await app.get<NatsConnection>(NATS_CONNECTION).jetstreamManager();
    const stream = new Topology(namespace).streamName(STREAMS.sla);
    await waitFor('the breach event on the SLA stream', async () => (await jsm.streams.info(stream)).state.messages === 1);
  });
});
