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

export function serviceEntryPoint(service: ServiceName): string {
  return join(repositoryRoot, 'apps', service, 'dist', 'main.js');
}

async function freePort(): Promise<number> {
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

/**
 * The seven services as real processes built from this repository, on a database and a
 * NATS namespace of their own, exporting traces to the given OTLP endpoint.
 */
export class RunningSystem {
  readonly namespace = uniqueNamespace();
  private database: TestDatabase | undefined;
  private natsUrl = '';
  private readonly services = new Map<ServiceName, RunningService>();
  private readonly ports = new Map<ServiceName, number>();

  constructor(
    private readonly otlpEndpoint: string,
    /** Variables of the test's own for some services, e.g. the SMTP server notifications sends to. */
    private readonly extraEnv: ServiceEnv = {},
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
    this.natsUrl = (await testInfrastructure()).natsUrl;
    for (const service of SERVICES) this.ports.set(service, await freePort());
    await Promise.all(services.map((service) => this.startService(service)));
  }

  env(service: ServiceName): NodeJS.ProcessEnv {
    return {
      PATH: process.env['PATH'],
      // The gateway keeps no state of its own, so it is not even told where the database is.
      ...(service === 'gateway' ? {} : { DATABASE_URL: this.databaseUrl }),
      NATS_URL: this.natsUrl,
      NATS_NAMESPACE: this.namespace,
      PORT: String(this.ports.get(service)),
      LOG_LEVEL: 'warn',
      OTEL_EXPORTER_OTLP_ENDPOINT: this.otlpEndpoint,
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
  output(service: ServiceName): string {
    return this.services.get(service)?.output.join('') ?? '';
  }

  /** The process id of a running service. */
  pid(service: ServiceName): number {
    const pid = this.services.get(service)?.process.pid;
    if (pid === undefined) throw new Error(`${service} is not running`);
    return pid;
  }

  async startService(service: ServiceName): Promise<void> {
    const child = spawn(process.execPath, [serviceEntryPoint(service)], { env: this.env(service), stdio: ['ignore', 'pipe', 'pipe'] });
    const output: string[] = [];
    child.stdout?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    const port = this.ports.get(service) as number;
    this.services.set(service, { process: child, port, output });
    await waitFor(
      `${service} to be ready`,
      async () => {
        if (child.exitCode !== null) throw new Error(`${service} exited: ${output.join('').slice(-2000)}`);
        const response = await fetch(`http://127.0.0.1:${port}/health/ready`);
        return response.ok;
      },
      60_000,
      200,
    );
  }

  /**
   * Stops a service: SIGTERM for a graceful stop, SIGKILL for a crash. Resolves with its exit
   * code (null when a signal ended it). A service that ignores SIGTERM for 20 s is killed.
   */
  async stopService(service: ServiceName, signal: NodeJS.Signals = 'SIGTERM'): Promise<number | null> {
    const running = this.services.get(service);
    if (!running) return null;
    this.services.delete(service);
    const child = running.process;
    if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
    const exited = once(child, 'exit');
    child.kill(signal);
    const killer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    const [code] = await exited;
    clearTimeout(killer);
    return code as number | null;
  }

  async stop(): Promise<void> {
    await Promise.all([...this.services.keys()].map((service) => this.stopService(service)));
    if (this.natsUrl) await deleteNamespaceStreams(this.natsUrl, this.namespace);
    await this.database?.drop();
  }
}
