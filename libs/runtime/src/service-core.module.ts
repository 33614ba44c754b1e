import { ServiceConfig } from '@complaints/config';
import { StreamDefinition } from '@complaints/contracts';
import {
  JetStreamEventPublisher,
  OutboxRelay,
  Outbox,
  Topology,
  connectNats,
  ensureStream,
  retryTransient,
} from '@complaints/messaging';
import { ServiceDatabaseOptions, migrateServiceDatabase, openServiceDatabase } from '@complaints/persistence';
import { Telemetry } from '@complaints/telemetry';
import { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import {
  BeforeApplicationShutdown,
  DynamicModule,
  Inject,
  Injectable,
  Module,
  OnApplicationBootstrap,
  OnModuleInit,
  Optional,
  OnApplicationShutdown,
} from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { NatsConnection } from 'nats';
import { LoggerModule } from 'nestjs-pino';
import { Logger } from 'pino';
import { EventConsumerDefinition, EventConsumerHost } from './event-consumer-host';
import { MetricsController } from './metrics.controller';
import { createRootLogger, httpLoggingOptions } from './root-logger';
import { PolicyCatalog } from './policies/policy-catalog';
import { ServiceHealthController } from './service-health.controller';
import { NATS_CONNECTION, SERVICE_CONFIG, SERVICE_LOGGER, TELEMETRY } from './tokens';
import { UnitOfWork } from './unit-of-work';

export interface ServiceCoreOptions {
  readonly config: ServiceConfig;
  readonly telemetry: Telemetry;
  /** The service's PostgreSQL schema. */
  readonly schema: string;
  readonly entities?: ServiceDatabaseOptions['entities'];
  readonly migrations: ServiceDatabaseOptions['migrations'];
  /** Streams this service publishes to; created at start if missing. */
  readonly publishes?: readonly StreamDefinition[];
  /** Consumers whose handlers need nothing from dependency injection. */
  readonly consumers?: readonly EventConsumerDefinition[];
  /** Provide a `PolicyCatalog` that follows published policies; the service is not ready before it has caught up. */
  readonly policies?: boolean;
}

const PUBLISHED_STREAMS = Symbol('PUBLISHED_STREAMS');

/** Starts messaging once every module registered its consumers, and stops it in reverse order. */
@Injectable()
class ServiceLifecycle implements OnModuleInit, OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown {
  constructor(
    private readonly orm: MikroORM,
    @Inject(NATS_CONNECTION) private readonly nats: NatsConnection,
    private readonly topology: Topology,
    private readonly relay: OutboxRelay,
    private readonly consumers: EventConsumerHost,
    @Inject(PUBLISHED_STREAMS) private readonly publishes: readonly StreamDefinition[],
    @Inject(SERVICE_LOGGER) private readonly logger: Logger,
    @Optional() private readonly policies?: PolicyCatalog,
  ) {}

  /** Policies are read before any `onApplicationBootstrap` hook, so every hook can rely on them. */
  async onModuleInit(): Promise<void> {
    const { policies } = this;
    if (policies) await retryTransient('reading published policies', () => policies.start(), this.logger);
  }

  async onApplicationBootstrap(): Promise<void> {
    await retryTransient(
      'creating published streams',
      async () => {
        const jsm = await this.nats.jetstreamManager();
        for (const stream of this.publishes) await ensureStream(jsm, this.topology, stream);
      },
      this.logger,
    );
    this.relay.start();
    await this.consumers.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.consumers.stop();
    await this.relay.stop();
    await this.policies?.stop();
  }

  async onApplicationShutdown(): Promise<void> {
    if (!this.nats.isClosed()) await this.nats.drain();
    await this.orm.close();
  }
}

/**
 * What every service has: config, structured logs, its PostgreSQL schema (migrated at
 * start), a NATS connection, the outbox relay, durable consumers, /health and /metrics.
 */
@Module({})
export class ServiceCoreModule {
  static forRoot(options: ServiceCoreOptions): DynamicModule {
    const { config, schema } = options;
    const rootLogger = createRootLogger(config);
    const messagingLogger = rootLogger.child({ component: 'messaging' });
    return {
      module: ServiceCoreModule,
      global: true,
      imports: [LoggerModule.forRoot(httpLoggingOptions(rootLogger)), TerminusModule],
      controllers: [ServiceHealthController, MetricsController],
      providers: [
        { provide: SERVICE_CONFIG, useValue: config },
        { provide: TELEMETRY, useValue: options.telemetry },
        { provide: SERVICE_LOGGER, useValue: rootLogger },
        { provide: PUBLISHED_STREAMS, useValue: options.publishes ?? [] },
        { provide: Topology, useValue: new Topology(config.natsNamespace, config.natsStreamReplicas) },
        { provide: Outbox, useValue: new Outbox(schema) },
        {
          provide: MikroORM,
          useFactory: async () => {
            const orm = await openServiceDatabase({
              databaseUrl: config.databaseUrl,
              schema,
              entities: options.entities,
              migrations: options.migrations,
            });
            await migrateServiceDatabase(orm, config.databaseUrl, schema);
            return orm;
          },
        },
        { provide: EntityManager, useFactory: (orm: MikroORM) => orm.em, inject: [MikroORM] },
        { provide: NATS_CONNECTION, useFactory: () => connectNats(config.natsUrl, config.serviceName) },
        {
          provide: OutboxRelay,
          useFactory: (orm: MikroORM, nats: NatsConnection, topology: Topology) =>
            new OutboxRelay(orm, schema, new JetStreamEventPublisher(nats.jetstream()), topology, messagingLogger),
          inject: [MikroORM, NATS_CONNECTION, Topology],
        },
        {
          provide: UnitOfWork,
          useFactory: (orm: MikroORM, outbox: Outbox, relay: OutboxRelay) => new UnitOfWork(orm, outbox, relay),
          inject: [MikroORM, Outbox, OutboxRelay],
        },
        {
          provide: EventConsumerHost,
          useFactory: async (orm: MikroORM, nats: NatsConnection, topology: Topology, relay: OutboxRelay) => {
            const host = new EventConsumerHost(
              orm,
              schema,
              nats.jetstream(),
              await nats.jetstreamManager(),
              topology,
              messagingLogger,
              relay,
            );
            for (const consumer of options.consumers ?? []) host.register(consumer);
            return host;
          },
          inject: [MikroORM, NATS_CONNECTION, Topology, OutboxRelay],
        },
        ...(options.policies
          ? [
              {
                provide: PolicyCatalog,
                useFactory: async (nats: NatsConnection, topology: Topology) =>
                  new PolicyCatalog(
                    nats.jetstream(),
                    await nats.jetstreamManager(),
                    topology,
                    rootLogger.child({ component: 'policies' }),
                  ),
                inject: [NATS_CONNECTION, Topology],
              },
            ]
          : []),
        ServiceLifecycle,
      ],
      exports: [
        SERVICE_CONFIG,
        TELEMETRY,
        SERVICE_LOGGER,
        Topology,
        Outbox,
        MikroORM,
        EntityManager,
        NATS_CONNECTION,
        OutboxRelay,
        UnitOfWork,
        EventConsumerHost,
        ...(options.policies ? [PolicyCatalog] : []),
      ],
    };
  }
}

