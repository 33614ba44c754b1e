import { WORKFLOWS, workAll } from '../support/agent-work';
import { FAST_POLICY } from '../support/fast-policy';
import { submitBurst } from '../support/persistent-client';
import { burstComplaint } from '../support/workload';
import { Scenario } from './scenario';

/** How often a share of sla's database connections is reset while the scenario runs. */
const RESET_EVERY_MS = 1000;

/**
 * Events of one complaint racing each other: two intake replicas answer the gateway and relay
 * their outboxes, one of them over a slow NATS connection; two sla replicas share the durable
 * consumer while a share of their database connections is reset every second, so their
 * transactions fail and events are redelivered out of order. Agents work every complaint
 * (acknowledge, ask and get an answer, reply, resolve) while its deadlines fall.
 */
export const orderingChaos: Scenario = {
  name: 'ordering-chaos',
  title: 'ordering chaos: 2 intake and 2 sla replicas, one slow NATS link, sla database connections reset',
  async run(rig) {
    const { complaints, latencyMs, resetFraction } = rig.profile.orderingChaos;
    rig.slowNats.setLatency(latencyMs);
    const resetsBefore = rig.slaDatabase.faultsInjected;
    const resets = setInterval(() => rig.slaDatabase.resetFraction(resetFraction), RESET_EVERY_MS);
    try {
      const burst = await submitBurst(rig.api, complaints, (index) => burstComplaint(FAST_POLICY, index), {
        concurrency: rig.profile.concurrency,
        giveUpAfterMs: 60_000,
      });
      rig.accepted.push(...burst.accepted);
      const unanswered = await workAll(rig, burst.accepted, (index) => WORKFLOWS[index % WORKFLOWS.length] ?? [], rig.profile.concurrency);
      return {
        accepted: burst.accepted.length,
        unanswered: burst.unanswered + unanswered,
        faults: { natsLatencyMs: latencyMs, slaConnectionsReset: rig.slaDatabase.faultsInjected - resetsBefore },
      };
    } finally {
      clearInterval(resets);
      rig.slowNats.setLatency(0);
    }
  },
};
