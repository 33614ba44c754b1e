import { WORKFLOWS, workAll } from '../support/agent-work';
import { FAST_POLICY, fastTargets } from '../support/fast-policy';
import { Instance, SHIFTED_CLOCK_PRELOAD } from '../support/fault-rig';
import { submitBurst } from '../support/persistent-client';
import { burstComplaint } from '../support/workload';
import { Scenario } from './scenario';

/**
 * sla replicas whose clocks disagree: beside the rig's two, a third replica runs with its Date
 * shifted ahead (a test-only preload, no product code) while a batch of complaints under the
 * fast policy is worked and its acknowledgement deadlines fall. Due-ness and leases come from the
 * database's clock, so no replica may fire a timer before it is due or breach a promise kept in
 * time. (A third replica rather than a restarted second: one boot instead of two.)
 */
export const skewedClocks: Scenario = {
  name: 'skewed-clocks',
  title: 'sla replicas with clocks apart',
  async run(rig) {
    const { complaints, offsetMs } = rig.profile.skewedClocks;
    const ahead: Instance = { service: 'sla', replica: 3, database: 'sla', nats: 'direct' };
    await rig.launch(ahead, { NODE_OPTIONS: `--require ${SHIFTED_CLOCK_PRELOAD}`, FAULT_CLOCK_OFFSET_MS: String(offsetMs) });
    try {
      const burst = await submitBurst(rig.api, complaints, (index) => burstComplaint(FAST_POLICY, index), {
        concurrency: rig.profile.concurrency,
        giveUpAfterMs: 30_000,
      });
      rig.accepted.push(...burst.accepted);
      const lastReceipt = Date.now();
      const unanswered = await workAll(rig, burst.accepted, (index) => WORKFLOWS[index % WORKFLOWS.length] ?? [], rig.profile.concurrency);
      // Every acknowledgement deadline of the batch falls while the replica's clock runs ahead.
      await new Promise((resolve) => setTimeout(resolve, lastReceipt + fastTargets(rig.profile).acknowledgement * 1000 + 1000 - Date.now()));
      return { accepted: burst.accepted.length, unanswered: burst.unanswered + unanswered, faults: { clockAheadSeconds: offsetMs / 1000 } };
    } finally {
      await rig.system.stopService(ahead.service, 'SIGTERM', ahead.replica);
    }
  },
};
