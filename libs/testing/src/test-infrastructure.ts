import { isReachable } from './reachable';

export interface TestInfrastructure {
  /** A URL to a PostgreSQL database tests may create databases from. */
  readonly postgresAdminUrl: string;
  readonly natsUrl: string;
}

const LOCAL_POSTGRES = 'postgres://postgres@127.0.0.1:5432/postgres';
const LOCAL_NATS = 'nats://127.0.0.1:4222';

let cached: Promise<TestInfrastructure> | undefined;

/**
 * Finds the real PostgreSQL and NATS the tests run against: `DATABASE_URL`/`NATS_URL`
 * when they answer, else the default local ports, else containers (when a Docker engine
 * exists). Tests never replace them with doubles.
 */
export function testInfrastructure(): Promise<TestInfrastructure> {
  cached ??= resolve();
  return cached;
}

async function resolve(): Promise<TestInfrastructure> {
  return {
    postgresAdminUrl: await pick('PostgreSQL', process.env['DATABASE_URL'], LOCAL_POSTGRES, 5432, startPostgresContainer),
    natsUrl: await pick('NATS', process.env['NATS_URL'], LOCAL_NATS, 4222, startNatsContainer),
  };
}

async function pick(
  what: string,
  configured: string | undefined,
  local: string,
  port: number,
  startContainer: () => Promise<string>,
): Promise<string> {
  if (configured && (await isReachable(configured, port))) return configured;
  if (await isReachable(local, port)) return local;
  try {
    return await startContainer();
  } catch (error) {
    throw new Error(
      `${what} is not reachable (tried ${configured ? `${configured}, ` : ''}${local}) and no container could be started: ${(error as Error).message}`,
    );
  }
}

async function startPostgresContainer(): Promise<string> {
  const { GenericContainer, Wait } = await import('testcontainers');
  const container = await new GenericContainer('postgres:17')
    .withEnvironment({ POSTGRES_HOST_AUTH_METHOD: 'trust' })
    .withExposedPorts(5432)
    .withWaitStrategy(Wait.forLogMessage(/database system is ready to accept connections/, 2))
    .start();
  return `postgres://postgres@${container.getHost()}:${container.getMappedPort(5432)}/postgres`;
}

async function startNatsContainer(): Promise<string> {
  const { GenericContainer, Wait } = await import('testcontainers');
  const container = await new GenericContainer('nats:2.10')
    .withCommand(['-js'])
    .withExposedPorts(4222)
    .withWaitStrategy(Wait.forLogMessage(/Server is ready/))
    .start();
  return `nats://${container.getHost()}:${container.getMappedPort(4222)}`;
}
