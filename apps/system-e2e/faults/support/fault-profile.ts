import { SERVICES, ServiceName } from '../../test/support/running-system';

/**
 * How hard each scenario pushes. `full` (the default, `npm run test:faults`) is the load the
 * reliability figures are measured under; `ci` (`FAULTS_PROFILE=ci`) keeps every fault but
 * scales the load down so the whole suite stays within about 90 s on a 2-core CI machine.
 */
export interface FaultProfile {
  readonly name: 'full' | 'ci';
  /** The services the rig runs (intake and sla as two replicas each). */
  readonly services: readonly ServiceName[];
  readonly orderingChaos: {
    readonly complaints: number;
    /** Added each way on one intake replica's NATS connection. */
    readonly latencyMs: number;
    /** The share of sla's database connections reset on each blow. */
    readonly resetFraction: number;
  };
  readonly outageDeadlines: {
    readonly complaints: number;
    /** How long NATS, then sla, stay down. */
    readonly downMs: number;
  };
  readonly databaseOutage: {
    readonly complaints: number;
    readonly outageMs: number;
  };
  readonly crashes: {
    readonly complaints: number;
    /** The services killed in turn (their first replica). */
    readonly killed: readonly ServiceName[];
    /** Which processes the rolling restart goes through: all, or the second replica of intake and sla. */
    readonly rollingRestart: 'every process' | 'second replicas';
  };
  readonly skewedClocks: {
    readonly complaints: number;
    readonly offsetMs: number;
  };
  /** Concurrent clients submitting a burst. */
  readonly concurrency: number;
  /** How long a scenario waits for the system to catch up before it counts what is left. */
  readonly settleTimeoutMs: number;
}

const FULL: FaultProfile = {
  name: 'full',
  services: SERVICES,
  orderingChaos: { complaints: 1000, latencyMs: 150, resetFraction: 0.05 },
  outageDeadlines: { complaints: 200, downMs: 8000 },
  databaseOutage: { complaints: 10_000, outageMs: 45_000 },
  crashes: { complaints: 2000, killed: SERVICES, rollingRestart: 'every process' },
  skewedClocks: { complaints: 300, offsetMs: 20_000 },
  concurrency: 16,
  settleTimeoutMs: 600_000,
};

const CI: FaultProfile = {
  name: 'ci',
  services: ['gateway', 'intake', 'sla', 'escalation', 'audit'],
  orderingChaos: { complaints: 40, latencyMs: 150, resetFraction: 0.05 },
  outageDeadlines: { complaints: 12, downMs: 2000 },
  databaseOutage: { complaints: 200, outageMs: 10_000 },
  // Every restart costs a service's boot (seconds of CPU): CI kills the two services whose
  // crashes matter most, intake between commit and publish and sla between claim and firing.
  crashes: { complaints: 60, killed: ['intake', 'sla'], rollingRestart: 'second replicas' },
  skewedClocks: { complaints: 12, offsetMs: 20_000 },
  concurrency: 8,
  settleTimeoutMs: 60_000,
};

export function faultProfile(name = process.env['FAULTS_PROFILE'] ?? 'full'): FaultProfile {
  if (name === 'full') return FULL;
  if (name === 'ci') return CI;
  throw new Error(`FAULTS_PROFILE must be full or ci, not ${name}`);
}
