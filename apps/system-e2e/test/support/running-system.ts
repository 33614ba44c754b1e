import { TestDatabase, createTestDatabase, deleteNamespaceStreams, testInfrastructure, uniqueNamespace, waitFor } from '@complaints/testing';
import { ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { AddressInfo, createServer } from 'node:net';
import { join } from 'node:path';

export const SERVICES = ['gateway', 'intake', 'sla', 'escalation', 'notifications', 'feedback', 'audit'] as const;
export type ServiceName = (typeof SERVICES)[number];
export type ServiceEnv = Partial<Record<ServiceName, Readonly<Record<string, string>>>>;

/**
 * Where notifications sends mail unless a test gives it a server: a port nothing listens on,
 * so its attempts fail as temporary and nothing leaves the machine.
 */
const NO_MAIL_SERVER = 'smtp://127.0.0.1:1';

export const API_KEYS = {
  alice: 'e2e-submitter-alice-key',
  bob: 'e2e-submitter-bob-key',
  agent: 'e2e-agent-key-0001',
  admin: 'e2e-admin-key-0001',
  auditor: 'e2e-auditor-key-0001',
  /** Keys of two organisations' people, for the checks that each sees only its own. */
  mimoSubmitter: 'e2e-mimo-submitter-key',
  mimoAgent: 'e2e-mimo-agent-key-01',
  mimoAdmin: 'e2e-mimo-admin-key-01',
  mimoAuditor: 'e2e-mimo-auditor-key-1',
  mitSubmitter: 'e2e-mit-submitter-key',
  mitAgent: 'e2e-mit-agent-key-001',
  mitAdmin: 'e2e-mit-admin-key-001',
  mitAuditor: 'e2e-mit-auditor-key-01',
};

const repositoryRoot = join(__dirname, '..', '..', '..', '..');

/**
 * Node's on-disk cache of compiled modules, shared by every service a run starts: a service
 * spends most of its start-up CPU loading modules, and a run starts about a hundred of them.
 * In the checkout's tmp/, so a clean checkout starts cold like any user's first `npm start`.
 */
const compileCache = join(repositoryRoot, 'tmp', 'node-compile-cache');

export function serviceEntryPoint(service: ServiceName): string {
  return join(repositoryRoot, 'apps', service, 'dist', 'main.js');
}

/** A loopback port nothing listens on right now. */
export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  server.close();
  return port;
}

interface RunningService {
  process: ChildProcess;
  port: number;
  output: string[];
}

/** How one process of a service starts: which replica (1 unless a test runs several) and variables of its own. */
export interface ServiceStart {
  readonly replica?: number;
  /** Variables for this process only, over the system's, e.g. a connection through a fault proxy. */
  readonly env?: Readonly<Record<string, string>>;
  /** How long it may take to become ready (60 s unless given): a machine under load boots slowly. */
  readonly readyWithinMs?: number;
}

/** Where the system finds NATS when not the machine's, e.g. a private server a test stops and starts. */
export interface SystemInfrastructure {
  readonly natsUrl?: string;
}

/** The first replica of a service goes by the service's name, so single-process tests never name replicas. */
function instanceKey(service: ServiceName, replica = 1): string {
  return replica === 1 ? service : `${service}#${replica}`;
}

/**
 * The seven services as real processes built from this repository, on a database and a
 * NATS namespace of their own, exporting traces to the given OTLP endpoint.
 */
export class RunningSystem {
  readonly namespace = uniqueNamespace();
  private database: TestDatabase | undefined;
  private natsUrl = '';
  private readonly services = new Map<string, RunningService>();
  /** Each process's HTTP port by instance, kept across restarts. */
  private readonly ports = new Map<string, number>();

  constructor(
    /** Where the services export traces; none exports nothing (a fault run's load would only fill memory). */
    private readonly otlpEndpoint: string | undefined,
    /** Variables of the test's own for some services, e.g. the SMTP server notifications sends to. */
    private readonly extraEnv: ServiceEnv = {},
    private readonly infrastructure: SystemInfrastructure = {},
  ) {}

  get databaseUrl(): string {
    if (!this.database) throw new Error('the system is not started');
    return this.database.url;
  }

  gatewayUrl(): string {
    return `http://127.0.0.1:${this.ports.get('gateway')}`;
  }

  /** Starts the given services (all seven by default); an API test needs only gateway and intake. */
  async start(services: readonly ServiceName[] = SERVICES): Promise<void> {
    this.database = await createTestDatabase();
    this.natsUrl = this.infrastructure.natsUrl ?? (await testInfrastructure()).natsUrl;
    for (const service of SERVICES) this.ports.set(service, await freePort());
    await Promise.all(services.map((service) => this.startService(service)));
  }

  env(service: ServiceName, replica = 1): NodeJS.ProcessEnv {
    return {
      PATH: process.env['PATH'],
      NODE_COMPILE_CACHE: compileCache,
      // The gateway keeps no state of its own, so it is not even told where the database is.
      ...(service === 'gateway' ? {} : { DATABASE_URL: this.databaseUrl }),
      NATS_URL: this.natsUrl,
      NATS_NAMESPACE: this.namespace,
      PORT: String(this.ports.get(instanceKey(service, replica))),
      LOG_LEVEL: 'warn',
      ...(this.otlpEndpoint ? { OTEL_EXPORTER_OTLP_ENDPOINT: this.otlpEndpoint } : {}),
      OTEL_BSP_SCHEDULE_DELAY: '100',
      // Retention is tried out with runtime policies that keep personal data for seconds.
      RETENTION_SWEEP_INTERVAL_MS: '500',
      AUDIT_RETENTION_SWEEP_INTERVAL_MS: '500',
      API_KEYS: [
        // The platform's operators: every organisation.
        `submitter:${API_KEYS.alice}:alice:*`,
        `submitter:${API_KEYS.bob}:bob:*`,
        `agent:${API_KEYS.agent}:agent:*`,
        `admin:${API_KEYS.admin}:admin:*`,
        `auditor:${API_KEYS.auditor}:auditor:*`,
        `submitter:${API_KEYS.mimoSubmitter}:mimo-submitter:mimo`,
        `agent:${API_KEYS.mimoAgent}:mimo-agent:mimo`,
        `admin:${API_KEYS.mimoAdmin}:mimo-admin:mimo`,
        `auditor:${API_KEYS.mimoAuditor}:mimo-auditor:mimo`,
        `auditor:${API_KEYS.mitAuditor}:mit-auditor:mit`,
        `submitter:${API_KEYS.mitSubmitter}:mit-submitter:mit`,
        `agent:${API_KEYS.mitAgent}:mit-agent:mit`,
        `admin:${API_KEYS.mitAdmin}:mit-admin:mit`,
      ].join(','),
      // Survey links lead to this system's gateway.
      ...(service === 'feedback' ? { PUBLIC_BASE_URL: this.gatewayUrl() } : {}),
      ...(service === 'notifications' ? { SMTP_URL: NO_MAIL_SERVER } : {}),
      ...this.extraEnv[service],
    };
  }

  /** Everything a service has written to stdout and stderr so far. */
  output(service: ServiceName, replica = 1): string {
    return this.services.get(instanceKey(service, replica))?.output.join('') ?? '';
  }

  /** The process id of a running service. */
  pid(service: ServiceName, replica = 1): number {
    const pid = this.services.get(instanceKey(service, replica))?.process.pid;
    if (pid === undefined) throw new Error(`${instanceKey(service, replica)} is not running`);
    return pid;
  }

  async startService(service: ServiceName, options: ServiceStart = {}): Promise<void> {
    const replica = options.replica ?? 1;
    const key = instanceKey(service, replica);
    if (!this.ports.has(key)) this.ports.set(key, await freePort());
    const env = { ...this.env(service, replica), ...options.env };
    const child = spawn(process.execPath, [serviceEntryPoint(service)], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    const output: string[] = [];
    child.stdout?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    const port = this.ports.get(key) as number;
    this.services.set(key, { process: child, port, output });
    await waitFor(
      `${key} to be ready`,
      async () => {
        if (child.exitCode !== null) throw new Error(`${key} exited: ${output.join('').slice(-2000)}`);
        const response = await fetch(`http://127.0.0.1:${port}/health/ready`);
        return response.ok;
      },
      options.readyWithinMs ?? 60_000,
      200,
    );
  }

  /**
   * Stops a service: SIGTERM for a graceful stop, SIGKILL for a crash. Resolves with its exit
   * code (null when a signal ended it). A service that ignores SIGTERM for 20 s is killed.
   */
  async stopService(service: ServiceName, signal: NodeJS.Signals = 'SIGTERM', replica = 1): Promise<number | null> {
    const key = instanceKey(service, replica);
    const running = this.services.get(key);
    if (!running) return null;
    this.services.delete(key);
    return this.stopProcess(running.process, signal);
  }

  private async stopProcess(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<number | null> {
    if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
    const exited = once(child, 'exit');
    child.kill(signal);
    const killer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    const [code] = await exited;
    clearTimeout(killer);
    return code as number | null;
  }

  async stop(): Promise<void> {
    await Promise.all([...this.services.values()].map(({ process: child }) => this.stopProcess(child)));
    this.services.clear();
    if (this.natsUrl) await deleteNamespaceStreams(this.natsUrl, this.namespace);
    await this.database?.drop();
  }
}
