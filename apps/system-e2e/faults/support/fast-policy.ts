import { publishRuntimeCopy } from '../../test/support/runtime-policy';
import { FaultProfile } from './fault-profile';
import { FaultRig } from './fault-rig';

/** mimo with clocks of seconds, so deadlines fall (and breach) within a scenario. */
export const FAST_POLICY = 'mimo-faults';

/** The deadlines of the fast policy, from receipt, in seconds. */
export function fastTargets(profile: FaultProfile): { acknowledgement: number; first_reply: number; resolution: number } {
  // The outage scenario needs the acknowledgement deadline to fall while NATS is down and the
  // other two while sla is down, with time to act on each before it (outage-deadlines.ts).
  const down = Math.ceil(profile.outageDeadlines.downMs / 1000);
  return { acknowledgement: 4 + Math.ceil(down / 2), first_reply: 2 * down + 10, resolution: 2 * down + 12 };
}

export async function publishFastPolicy(rig: FaultRig): Promise<void> {
  const targets = fastTargets(rig.profile);
  await publishRuntimeCopy(rig.api, 'mimo', {
    id: FAST_POLICY,
    name: 'mimo, in seconds (fault suite)',
    targets: Object.fromEntries(Object.entries(targets).map(([clock, seconds]) => [clock, { amount: seconds, unit: 'seconds' }])),
  });
}
