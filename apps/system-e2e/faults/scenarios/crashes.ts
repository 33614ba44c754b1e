import { WORKFLOWS, workAll } from '../support/agent-work';
import { FAST_POLICY } from '../support/fast-policy';
import { submitBurst } from '../support/persistent-client';
import { burstComplaint } from '../support/workload';
import { Scenario } from './scenario';

/**
 * Processes dying mid-work: during a burst under the fast runtime policy, each service the
 * profile names is killed in turn with SIGKILL (every service in the full profile; intake, between
 * a commit and its publish, and sla, between a timer's claim and its firing, in CI) and started again; then, while agents work the complaints, a
 * rolling restart stops and starts every process in turn (SIGTERM), as a deployment would.
 */
export const crashes: Scenario = {
  name: 'crashes',
  title: 'kill -9 of services in turn during a burst, then a rolling restart under a runtime policy',
  async run(rig) {
    const { complaints, killed: services, rollingRestart } = rig.profile.crashes;
    const burst = submitBurst(rig.api, complaints, (index) => burstComplaint(FAST_POLICY, index), {
      concurrency: rig.profile.concurrency,
      giveUpAfterMs: 120_000,
    });
    let killed = 0;
    for (const service of services) {
      const [first] = rig.replicasOf(service);
      if (first === undefined) continue;
      await rig.restart(first, 'SIGKILL');
      killed += 1;
    }
    const { accepted, unanswered } = await burst;
    rig.accepted.push(...accepted);

    const work = workAll(rig, accepted, (index) => WORKFLOWS[index % WORKFLOWS.length] ?? [], rig.profile.concurrency);
    const restarting = rollingRestart === 'every process' ? rig.instances : rig.instances.filter((instance) => instance.replica === 2);
    for (const instance of restarting) await rig.restart(instance, 'SIGTERM');
    return {
      accepted: accepted.length,
      unanswered: unanswered + (await work),
      faults: { killedWithSigkill: killed, restartedGracefully: restarting.length },
    };
  },
};
