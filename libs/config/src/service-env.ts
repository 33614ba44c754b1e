import { ConfigError } from './load-config';
import { z } from 'zod';

function urlWithProtocols(protocols: readonly string[], example: string) {
  return z
    .string({ error: 'is required' })
    .min(1, 'is required')
    .refine(
      (value) => {
        try {
          return protocols.includes(new URL(value).protocol);
        } catch {
          return false;
        }
      },
      { message: `must be a URL such as ${example}` },
    );
}

const natsServers = z
  .string({ error: 'is required' })
  .min(1, 'is required')
  .refine(
    (value) =>
      value.split(',').every((server) => {
        try {
          return ['nats:', 'tls:', 'ws:', 'wss:'].includes(new URL(server.trim()).protocol);
        } catch {
          return false;
        }
      }),
    { message: 'must be one or more comma-separated URLs such as nats://127.0.0.1:4222' },
  );

const logLevel = z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']);

/** Variables every service reads. Each service extends this with its own. */
export const serviceEnvShape = {
  NATS_URL: natsServers,
  PORT: z.coerce.number({ error: 'must be a port number' }).int().min(1).max(65535),
  LOG_LEVEL: logLevel.default('info'),
  OTEL_EXPORTER_OTLP_ENDPOINT: urlWithProtocols(['http:', 'https:'], 'http://127.0.0.1:4318').optional(),
  /**
   * Prefix for every NATS subject and stream name, so several deployments (or test runs)
   * can share one NATS server without seeing each other's messages.
   */
  NATS_NAMESPACE: z
    .string()
    .regex(/^[a-z0-9_]{1,32}$/, 'must be 1-32 lowercase letters, digits or underscores')
    .optional(),
  /** Copies of every stream JetStream keeps: 1 on one machine, 3 on the cluster in deploy/k8s. */
  NATS_STREAM_REPLICAS: z.coerce
    .number({ error: 'must be 1, 3 or 5' })
    .int()
    .refine((n) => [1, 3, 5].includes(n), 'must be 1, 3 or 5')
    .default(1),
  /**
   * This service's NATS user and password (one user per service, with only the subjects it
   * needs: deploy/nats). Both or neither; required in production, where NATS refuses anonymous clients.
   */
  NATS_USER: z.string().regex(/^[a-z0-9_-]{1,64}$/, 'must be 1-64 lowercase letters, digits, - or _').optional(),
  NATS_PASSWORD: z.string().min(16, 'must be at least 16 characters').optional(),
  /** Serve `/metrics` on this port, apart from the public one; unset: no metrics endpoint. */
  METRICS_PORT: z.coerce.number({ error: 'must be a port number' }).int().min(1).max(65535).optional(),
  /** How long the dead-letter stream keeps an event for an operator to replay (ADR 0008). */
  DEAD_LETTER_RETENTION_DAYS: z.coerce.number({ error: 'must be a whole number of days' }).int().min(1).max(3650).default(30),
  NODE_ENV: z.string().optional(),
} as const;

/** What a service with a PostgreSQL schema of its own reads besides. */
export const databaseEnvShape = {
  DATABASE_URL: urlWithProtocols(['postgres:', 'postgresql:'], 'postgres://user@127.0.0.1:5432/complaints'),
} as const;

/** The variables of a service with a database and nothing else of its own. */
export const serviceEnvSchema = z.object({ ...serviceEnvShape, ...databaseEnvShape });

/** What every service knows about its surroundings, once validated. */
export interface ServiceConfig {
  readonly serviceName: string;
  readonly natsUrl: string;
  readonly port: number;
  readonly logLevel: z.infer<typeof logLevel>;
  readonly otlpEndpoint: string | undefined;
  readonly natsNamespace: string | undefined;
  readonly natsStreamReplicas: number;
  /** Absent outside production when the NATS server takes anonymous clients (npm start, tests). */
  readonly natsCredentials: NatsCredentials | undefined;
  /** Where `/metrics` is served, never on `port`; absent: not served. */
  readonly metricsPort: number | undefined;
  readonly deadLetterRetentionDays: number;
}

export interface NatsCredentials {
  readonly user: string;
  readonly password: string;
}

/** A service that keeps state: its PostgreSQL server too. */
export interface DatabaseServiceConfig extends ServiceConfig {
  readonly databaseUrl: string;
}

type ServiceEnv = z.infer<z.ZodObject<typeof serviceEnvShape>>;

/**
 * Throws a `ConfigError` naming the variable when the NATS credentials are half given, or
 * missing in production (`NODE_ENV=production`): a service there must never connect anonymously.
 */
export function toServiceConfig(serviceName: string, env: ServiceEnv): ServiceConfig {
  if (env.METRICS_PORT !== undefined && env.METRICS_PORT === env.PORT) {
    throw new ConfigError(['METRICS_PORT: must differ from PORT, so metrics stay off the public port']);
  }
  return {
    serviceName,
    natsUrl: env.NATS_URL,
    port: env.PORT,
    logLevel: env.LOG_LEVEL,
    otlpEndpoint: env.OTEL_EXPORTER_OTLP_ENDPOINT,
    natsNamespace: env.NATS_NAMESPACE,
    natsStreamReplicas: env.NATS_STREAM_REPLICAS,
    natsCredentials: natsCredentials(env),
    metricsPort: env.METRICS_PORT,
    deadLetterRetentionDays: env.DEAD_LETTER_RETENTION_DAYS,
  };
}

function natsCredentials(env: ServiceEnv): NatsCredentials | undefined {
  const { NATS_USER: user, NATS_PASSWORD: password } = env;
  if (user !== undefined && password !== undefined) return { user, password };
  const missing = [user === undefined ? 'NATS_USER' : undefined, password === undefined ? 'NATS_PASSWORD' : undefined].filter(
    (name): name is string => name !== undefined,
  );
  if (missing.length === 1) throw new ConfigError([`${missing[0]}: is required with ${missing[0] === 'NATS_USER' ? 'NATS_PASSWORD' : 'NATS_USER'}`]);
  if (env.NODE_ENV === 'production') throw new ConfigError(missing.map((name) => `${name}: is required in production`));
  return undefined;
}

export function toDatabaseServiceConfig(
  serviceName: string,
  env: ServiceEnv & { readonly DATABASE_URL: string },
): DatabaseServiceConfig {
  return { ...toServiceConfig(serviceName, env), databaseUrl: env.DATABASE_URL };
}
