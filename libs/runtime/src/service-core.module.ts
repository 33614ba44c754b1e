import { ServiceConfig } from '@complaints/config';
import { StreamDefinition } from '@complaints/contracts';
import {
  EventConsumerHost,
  JetStreamEventPublisher,
  Outbox,
  OutboxRelay,
  Topology,
  UnitOfWork,
  connectNats,
  deadLetterReplayController,
  messagingMigrations,
  registerDeadLetterMetrics,
  registerOutboxMetrics,
} from '@complaints/messaging';
import { ServiceDatabaseOptions, migrateServiceDatabase, openServiceDatabase } from '@complaints/persistence';
import { PolicyCatalog } from '@complaints/policy-catalog';
import { Telemetry } from '@complaints/telemetry';
import { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { DynamicModule, Module, Provider } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { NatsConnection } from 'nats';
import { LoggerModule } from 'nestjs-pino';
import { Logger } from 'pino';
import { METRICS_PORT, MetricsServer } from './metrics-server';
import { createRootLogger, httpLoggingOptions } from './root-logger';
import { PUBLISHED_STREAMS, ServiceLifecycle } from './service-lifecycle';
import { ServiceHealthController } from './service-health.controller';
import { NATS_CONNECTION, SERVICE_CONFIG, SERVICE_LOGGER, TELEMETRY } from './tokens';

export interface ServiceDatabase {
  /** The PostgreSQL server, e.g. `config.databaseUrl`. */
  readonly url: string;
  /** The service's own schema, migrated at start. */
  readonly schema: string;
  readonly entities?: ServiceDatabaseOptions['entities'];
  readonly migrations: ServiceDatabaseOptions['migrations'];
}

/**
 * What a service takes from the core. Only config, logs, a NATS connection, /health and
 * /metrics (on METRICS_PORT) come with every service; the rest is asked for, so a service holds no database,
 * outbox or relay it does not use.
 */
export interface ServiceCoreOptions {
  readonly config: ServiceConfig;
  readonly telemetry: Telemetry;
  /** A PostgreSQL schema of its own (`MikroORM`, `EntityManager`); publishing and consuming need it. */
  readonly database?: ServiceDatabase;
  /** Streams it publishes to through its transactional outbox (`UnitOfWork`); created at start if missing. */
  readonly publishes?: readonly StreamDefinition[];
  /** Durable consumers, registered by the modules that own them with `EventConsumerHost`. */
  readonly consumes?: boolean;
  /** A `PolicyCatalog` that follows published policies; the service is not ready before it has caught up. */
  readonly policies?: boolean;
}

/** Every service's NestJS foundation, assembled from what it asked for. */
@Module({})
export class ServiceCoreModule {
  static forRoot(options: ServiceCoreOptions): DynamicModule {
    const { config, database } = options;
    const publishes = options.publishes ?? [];
    if (!database && (publishes.length > 0 || options.consumes)) {
      throw new Error(`${config.serviceName}: publishing and consuming events need a database (outbox and inbox)`);
    }
    const rootLogger = createRootLogger(config);
    const providers: Provider[] = [
      { provide: SERVICE_CONFIG, useValue: config },
      { provide: TELEMETRY, useValue: options.telemetry },
      { provide: SERVICE_LOGGER, useValue: rootLogger },
      { provide: Topology, useValue: topologyOf(config) },
      { provide: NATS_CONNECTION, useFactory: () => connectNats(config) },
      { provide: PUBLISHED_STREAMS, useValue: publishes },
      ...(database ? databaseProviders(database) : []),
      ...(database && publishes.length > 0 ? publishingProviders(database.schema, rootLogger) : []),
      ...(database && options.consumes ? [consumerHostProvider(database.schema, publishes.length > 0, rootLogger)] : []),
      ...(options.policies ? [policyCatalogProvider(rootLogger)] : []),
      ...(config.metricsPort !== undefined ? [{ provide: METRICS_PORT, useValue: config.metricsPort }, MetricsServer] : []),
      ServiceLifecycle,
    ];
    return {
      module: ServiceCoreModule,
      global: true,
      imports: [LoggerModule.forRoot(httpLoggingOptions(rootLogger)), TerminusModule],
      // A service with consumers answers the replay of their dead letters (served with `answersRequests`).
      controllers: [ServiceHealthController, ...(database && options.consumes ? [deadLetterReplayController(config.serviceName)] : [])],
      providers,
      exports: providers
        .filter((provider) => provider !== ServiceLifecycle && ![PUBLISHED_STREAMS, METRICS_PORT].includes(providedToken(provider) as symbol))
        .map(providedToken),
    };
  }
}

/** The deployment's namespace, stream replicas and dead-letter retention, as every NATS user of a service sees them. */
export function topologyOf(config: ServiceConfig): Topology {
  return new Topology(config.natsNamespace, config.natsStreamReplicas, config.deadLetterRetentionDays * 24 * 60 * 60 * 1000);
}

function providedToken(provider: Provider) {
  return typeof provider === 'function' ? provider : provider.provide;
}

function databaseProviders(database: ServiceDatabase): Provider[] {
  return [
    {
      provide: MikroORM,
      useFactory: async () => {
        const orm = await openServiceDatabase({
          databaseUrl: database.url,
          schema: database.schema,
          entities: database.entities,
          // The messaging tables' later changes come after the service's own migrations.
          migrations: [...database.migrations, ...messagingMigrations(database.schema)],
        });
        await migrateServiceDatabase(orm, database.url, database.schema);
        return orm;
      },
    },
    { provide: EntityManager, useFactory: (orm: MikroORM) => orm.em, inject: [MikroORM] },
  ];
}

function publishingProviders(schema: string, rootLogger: Logger): Provider[] {
  return [
    { provide: Outbox, useValue: new Outbox(schema) },
    {
      provide: OutboxRelay,
      useFactory: (orm: MikroORM, nats: NatsConnection, topology: Topology) => {
        const relay = new OutboxRelay(orm, schema, new JetStreamEventPublisher(nats.jetstream()), topology, rootLogger.child({ component: 'messaging' }));
        registerOutboxMetrics(() => relay.backlog());
        return relay;
      },
      inject: [MikroORM, NATS_CONNECTION, Topology],
    },
    {
      provide: UnitOfWork,
      useFactory: (orm: MikroORM, outbox: Outbox, relay: OutboxRelay) => new UnitOfWork(orm, outbox, relay),
      inject: [MikroORM, Outbox, OutboxRelay],
    },
  ];
}

function consumerHostProvider(schema: string, publishes: boolean, rootLogger: Logger): Provider {
  return {
    provide: EventConsumerHost,
    useFactory: async (orm: MikroORM, nats: NatsConnection, topology: Topology, outbox?: Outbox, relay?: OutboxRelay) => {
      const host = new EventConsumerHost({
        orm,
        schema,
        js: nats.jetstream(),
        jsm: await nats.jetstreamManager(),
        topology,
        logger: rootLogger.child({ component: 'messaging' }),
        publishing: outbox && relay ? { outbox, relay } : undefined,
      });
      registerDeadLetterMetrics(() => host.deadLetterBacklog());
      return host;
    },
    inject: [MikroORM, NATS_CONNECTION, Topology, ...(publishes ? [Outbox, OutboxRelay] : [])],
  };
}

function policyCatalogProvider(rootLogger: Logger): Provider {
  return {
    provide: PolicyCatalog,
    useFactory: async (nats: NatsConnection, topology: Topology) =>
      new PolicyCatalog(nats.jetstream(), await nats.jetstreamManager(), topology, rootLogger.child({ component: 'policies' })),
    inject: [NATS_CONNECTION, Topology],
  };
}
