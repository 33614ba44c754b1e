import { waitFor } from '@complaints/testing';
import { API_KEYS } from '../../test/support/running-system';
import { ACKNOWLEDGE, CUSTOMER_REPLY, FIRST_REPLY, REQUEST_INFO, RESOLVE, workAll } from '../support/agent-work';
import { FAST_POLICY, fastTargets } from '../support/fast-policy';
import { submitBurst } from '../support/persistent-client';
import { burstComplaint } from '../support/workload';
import { Scenario } from './scenario';

const sleepUntil = (instant: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, instant - Date.now())));

/**
 * Deadlines falling while a dependency is down, and promises kept while sla cannot hear of
 * them. Under the fast policy (fast-policy.ts): agents acknowledge half the batch at once, then
 * NATS stops while the acknowledgement deadlines fall; once it is back, sla stops, and while it
 * is down customers answer questions and agents reply to and resolve half the batch before their
 * deadlines, which then fall too. sla comes back after the last deadline: it must fire every
 * missed timer once, late, and breach none of the promises kept in time.
 */
export const outageDeadlines: Scenario = {
  name: 'outage-deadlines',
  title: 'deadlines during an outage: NATS, then sla, stopped across a batch of deadlines',
  async run(rig) {
    const { complaints, downMs } = rig.profile.outageDeadlines;
    const targets = fastTargets(rig.profile);
    const burst = await submitBurst(rig.api, complaints, (index) => burstComplaint(FAST_POLICY, index, 'email'), {
      concurrency: rig.profile.concurrency,
      giveUpAfterMs: 30_000,
    });
    rig.accepted.push(...burst.accepted);
    const lastReceipt = Date.now();
    const kept = burst.accepted.filter((_, index) => index % 2 === 0);
    let unanswered = burst.unanswered + (await workAll(rig, kept, () => [ACKNOWLEDGE], rig.profile.concurrency));

    await rig.nats.halt();
    await new Promise((resolve) => setTimeout(resolve, downMs));
    await rig.nats.resume();
    await waitFor('the gateway to reach intake again', async () => (await rig.api.get(API_KEYS.agent, `/v1/complaints?limit=1`)).status === 200, 60_000, 200);

    const slaReplicas = rig.replicasOf('sla');
    await Promise.all(slaReplicas.map((replica) => rig.system.stopService(replica.service, 'SIGTERM', replica.replica)));
    const slaStoppedAt = Date.now();
    unanswered += await workAll(rig, kept, (index) => (index % 2 === 0 ? [REQUEST_INFO, CUSTOMER_REPLY, FIRST_REPLY, RESOLVE] : [RESOLVE]), rig.profile.concurrency);
    await sleepUntil(lastReceipt + targets.resolution * 1000 + 1000);
    const slaDownMs = Date.now() - slaStoppedAt;
    await Promise.all(slaReplicas.map((replica) => rig.launch(replica)));
    return {
      accepted: burst.accepted.length,
      unanswered,
      faults: { natsDownSeconds: downMs / 1000, slaDownSeconds: Math.round(slaDownMs / 1000), complaintsWorkedWhileSlaDown: kept.length },
    };
  },
};
