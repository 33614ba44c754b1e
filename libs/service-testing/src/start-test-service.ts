import { DatabaseServiceConfig, ServiceConfig, loadConfig } from '@complaints/config';
import { Telemetry, startTelemetry } from '@complaints/telemetry';
import {
  createTestDatabase,
  deleteNamespaceStreams,
  testInfrastructure,
  uniqueNamespace,
} from '@complaints/testing';
import { INestApplication } from '@nestjs/common';
import { z } from 'zod';
import { freePort } from './free-port';
import { TestBus } from './test-bus';
import { TestServiceDatabase } from './test-service-database';

/**
 * A service's env schema: an object, or an object whose values a transform turns into more
 * (key rings, secrets).
 */
export type ServiceEnvSchema = z.ZodType;

/** The variables a schema reads: the object's, or the object's before its transform. */
function variablesOf(schema: ServiceEnvSchema): readonly string[] {
  const object = schema instanceof z.ZodPipe ? schema.in : schema;
  if (!(object instanceof z.ZodObject)) throw new Error('a service env schema is an object, or an object piped into a transform');
  return Object.keys(object.shape);
}

/** How a service starts: what its `main.ts` hands to `launchService`. */
export interface TestServiceDefinition<S extends ServiceEnvSchema, C extends ServiceConfig> {
  readonly envSchema: S;
  readonly toConfig: (env: z.infer<S>) => C;
  /** The service's own start function (e.g. `startEscalation`), which listens on `config.port`. */
  readonly start: (config: C, telemetry: Telemetry) => Promise<INestApplication>;
  /** The service's own variables, or overrides of the test's (`LOG_LEVEL` is `silent`). */
  readonly env?: Readonly<Record<string, string>>;
  /**
   * One telemetry for several services of a test file, which then shuts it down; by default
   * each service starts its own, as its `main.ts` does, and exports nothing.
   */
  readonly telemetry?: Telemetry;
}

/** A service running in this process, and what its tests reach it by. */
export interface TestService<C extends ServiceConfig> {
  /** Its HTTP address, e.g. `http://127.0.0.1:41234`. */
  readonly url: string;
  readonly config: C;
  /** To `get` its providers. */
  readonly app: INestApplication;
  /** Its NATS namespace, where a test plays the other services. */
  readonly bus: TestBus;
  /** Its PostgreSQL database, for services whose config has one. */
  readonly database: C extends DatabaseServiceConfig ? TestServiceDatabase : undefined;
  /** Stops the service, deletes its namespace's streams and drops its database. */
  close(): Promise<void>;
}

/**
 * Starts one service's real NestJS application in this process, through its own start
 * function, on a database of its own (when its env schema reads `DATABASE_URL`), a NATS
 * namespace of its own and a free port, so test files run in parallel.
 */
export async function startTestService<S extends ServiceEnvSchema, C extends ServiceConfig>(
  definition: TestServiceDefinition<S, C>,
): Promise<TestService<C>> {
  const { natsUrl } = await testInfrastructure();
  const namespace = uniqueNamespace();
  const database = variablesOf(definition.envSchema).includes('DATABASE_URL') ? new TestServiceDatabase(await createTestDatabase()) : undefined;
  const config = definition.toConfig(
    loadConfig(definition.envSchema, {
      ...(database ? { DATABASE_URL: database.url } : {}),
      NATS_URL: natsUrl,
      NATS_NAMESPACE: namespace,
      PORT: String(await freePort()),
      LOG_LEVEL: 'silent',
      ...definition.env,
    }),
  );
  const telemetry = definition.telemetry ?? startTelemetry({ serviceName: config.serviceName });
  const bus = await TestBus.connect(natsUrl, namespace);
  const cleanUp = async () => {
    await bus.close();
    if (!definition.telemetry) await telemetry.shutdown();
    await deleteNamespaceStreams(natsUrl, namespace);
    await database?.drop();
  };

  let app: INestApplication;
  try {
    app = await definition.start(config, telemetry);
  } catch (error) {
    await cleanUp();
    throw error;
  }
  return {
    url: `http://127.0.0.1:${config.port}`,
    config,
    app,
    bus,
    database: database as TestService<C>['database'],
    close: async () => {
      await app.close();
      await cleanUp();
    },
  };
}
