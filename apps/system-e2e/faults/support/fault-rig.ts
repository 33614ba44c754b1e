import { testInfrastructure } from '@complaints/testing';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Client } from 'pg';
import { ApiClient } from '../../test/support/api-client';
import { RunningSystem, ServiceName } from '../../test/support/running-system';
import { FaultProfile } from './fault-profile';
import { AcceptedComplaint, InvariantReport, KeptPromise, checkInvariants } from './invariants';
import { PrivateNatsServer } from './private-nats-server';
import { settle } from './quiescence';
import { TcpFaultProxy } from './tcp-fault-proxy';

const repositoryRoot = join(__dirname, '..', '..', '..', '..');

/** Where each scenario's figures are written, for RELIABILITY.md. */
const RESULTS_DIR = join(repositoryRoot, 'tmp', 'faults');

/** The preload that runs a process's Date ahead of the machine's (test-only). */
export const SHIFTED_CLOCK_PRELOAD = join(__dirname, 'shifted-clock.cjs');

/** One process of the system: a service's replica and what it connects through. */
export interface Instance {
  readonly service: ServiceName;
  readonly replica: number;
  /** sla's replicas reach PostgreSQL through a proxy of their own, whose connections a scenario resets. */
  readonly database: 'shared' | 'sla';
  /** One intake replica reaches NATS through a proxy that adds latency. */
  readonly nats: 'direct' | 'slow';
}

/**
 * How long a process may take to boot: several boot at once, each for seconds of CPU, on a
 * 2-core machine that other test runs share.
 */
const READY_WITHIN_MS = 240_000;

/** What a scenario did to the system, reported beside the invariants' figures. */
export type FaultsInjected = Readonly<Record<string, number | string>>;

/**
 * The system the fault scenarios run against, loopback only: a private NATS server with
 * JetStream that a scenario may stop, every service's database connections through a proxy
 * that can cut them (sla's through one of their own), one intake replica's NATS connection
 * through a proxy that slows it, and two replicas each of intake and sla. Each scenario adds
 * its faults to this one system and leaves it whole; invariants are checked over everything
 * accepted so far.
 */
export class FaultRig {
  readonly api: ApiClient;
  /** Every complaint accepted since the rig started, by any scenario. */
  readonly accepted: AcceptedComplaint[] = [];
  readonly kept: KeptPromise[] = [];
  private readonly startedAt = Date.now();

  private constructor(
    readonly profile: FaultProfile,
    readonly nats: PrivateNatsServer,
    readonly database: TcpFaultProxy,
    readonly slaDatabase: TcpFaultProxy,
    readonly slowNats: TcpFaultProxy,
    readonly system: RunningSystem,
    /** A connection to the system's database that no fault touches. */
    readonly db: Client,
    readonly instances: readonly Instance[],
  ) {
    this.api = new ApiClient(() => system.gatewayUrl());
  }

  static async start(profile: FaultProfile): Promise<FaultRig> {
    const admin = new URL((await testInfrastructure()).postgresAdminUrl);
    const postgres = { host: admin.hostname, port: Number(admin.port || 5432) };
    const nats = await PrivateNatsServer.start();
    const natsPort = Number(new URL(nats.url).port);
    const [database, slaDatabase, slowNats] = await Promise.all([
      TcpFaultProxy.start(postgres),
      TcpFaultProxy.start(postgres),
      TcpFaultProxy.start({ host: '127.0.0.1', port: natsPort }),
    ]);
    // Bursts come from one agent key: the gateway's per-principal budget would otherwise refuse them.
    const system = new RunningSystem(undefined, { gateway: { RATE_LIMIT_PER_MINUTE: '1000000' } }, { natsUrl: nats.url });
    await system.start([]);
    const db = new Client({ connectionString: system.databaseUrl });
    await db.connect();
    const instances = profile.services.flatMap((service): Instance[] => {
      if (service === 'intake')
        return [
          { service, replica: 1, database: 'shared', nats: 'direct' },
          { service, replica: 2, database: 'shared', nats: 'slow' },
        ];
      if (service === 'sla')
        return [1, 2].map((replica) => ({ service, replica, database: 'sla', nats: 'direct' }) as const);
      return [{ service, replica: 1, database: 'shared', nats: 'direct' }];
    });
    const rig = new FaultRig(profile, nats, database, slaDatabase, slowNats, system, db, instances);
    try {
      await Promise.all(instances.map((instance) => rig.launch(instance)));
    } catch (error) {
      // Nothing is left running for the test runner to wait on.
      await rig.stop();
      throw error;
    }
    return rig;
  }

  /** Starts one process with its connections, and variables of a scenario's own (e.g. a shifted clock). */
  launch(instance: Instance, env: Readonly<Record<string, string>> = {}): Promise<void> {
    const proxy = instance.database === 'sla' ? this.slaDatabase : this.database;
    return this.system.startService(instance.service, {
      replica: instance.replica,
      readyWithinMs: READY_WITHIN_MS,
      env: {
        ...(instance.service === 'gateway' ? {} : { DATABASE_URL: proxy.route(this.system.databaseUrl) }),
        ...(instance.nats === 'slow' ? { NATS_URL: this.slowNats.route(this.nats.url) } : {}),
        ...env,
      },
    });
  }

  /** Stops one process (SIGTERM to drain, SIGKILL to crash) and starts it again as it was. */
  async restart(instance: Instance, signal: NodeJS.Signals, env: Readonly<Record<string, string>> = {}): Promise<void> {
    await this.system.stopService(instance.service, signal, instance.replica);
    await this.launch(instance, env);
  }

  replicasOf(service: ServiceName): Instance[] {
    return this.instances.filter((instance) => instance.service === service);
  }

  /**
   * Waits for the system to catch up, checks every invariant over everything accepted so far,
   * and records the figures with the scenario's load and the faults it injected.
   */
  async check(scenario: string, load: { accepted: number; startedAt: number }, faults: FaultsInjected): Promise<InvariantReport> {
    const backlog = await settle(this.db, this.nats.url, this.system.namespace, this.profile.settleTimeoutMs);
    const report = await checkInvariants({
      db: this.db,
      api: this.api,
      natsUrl: this.nats.url,
      namespace: this.system.namespace,
      accepted: this.accepted,
      kept: this.kept,
      backlog,
    });
    const figures = {
      scenario,
      profile: this.profile.name,
      acceptedInScenario: load.accepted,
      scenarioSeconds: Math.round((Date.now() - load.startedAt) / 1000),
      suiteSeconds: Math.round((Date.now() - this.startedAt) / 1000),
      faults,
      ...report,
    };
    await mkdir(RESULTS_DIR, { recursive: true });
    await writeFile(join(RESULTS_DIR, `${scenario}.${this.profile.name}.json`), `${JSON.stringify(figures, null, 2)}\n`);
    process.stdout.write(`fault scenario ${scenario}: ${JSON.stringify(figures)}\n`);
    return report;
  }

  async stop(): Promise<void> {
    await this.db.end();
    await this.system.stop();
    await Promise.all([this.database.stop(), this.slaDatabase.stop(), this.slowNats.stop()]);
    await this.nats.dispose();
  }
}
