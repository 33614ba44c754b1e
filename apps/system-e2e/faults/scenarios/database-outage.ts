import { waitFor } from '@complaints/testing';
import { submitBurst } from '../support/persistent-client';
import { burstComplaint } from '../support/workload';
import { Scenario } from './scenario';

/**
 * PostgreSQL unreachable in the middle of a burst: every connection of every service reset and
 * new ones refused for the outage. Clients retry with their Idempotency-Key as the API asks;
 * once the database is back, every accepted complaint must be everywhere it belongs, once.
 * The built-in mimo policy keeps deadlines days away, so the load is the burst itself.
 */
export const databaseOutage: Scenario = {
  name: 'database-outage',
  title: 'PostgreSQL unreachable for the outage during a burst',
  async run(rig) {
    const { complaints, outageMs } = rig.profile.databaseOutage;
    const before = rig.accepted.length;
    const burst = submitBurst(rig.api, complaints, (index) => burstComplaint('mimo', index), {
      concurrency: rig.profile.concurrency,
      giveUpAfterMs: outageMs + 120_000,
    });
    // The outage starts once a quarter of the burst is in, so it hits a system under load.
    const intakeComplaints = async () => Number((await rig.db.query<{ count: string }>('select count(*) from intake.complaints')).rows[0]?.count);
    const base = await intakeComplaints();
    await waitFor('a quarter of the burst to be stored', async () => (await intakeComplaints()) - base >= complaints / 4, 600_000, 100);
    const faultsBefore = rig.database.faultsInjected + rig.slaDatabase.faultsInjected;
    await Promise.all([rig.database.outage(outageMs), rig.slaDatabase.outage(outageMs)]);
    const { accepted, unanswered } = await burst;
    rig.accepted.push(...accepted);
    return {
      accepted: rig.accepted.length - before,
      unanswered,
      faults: {
        outageSeconds: outageMs / 1000,
        connectionsResetOrRefused: rig.database.faultsInjected + rig.slaDatabase.faultsInjected - faultsBefore,
      },
    };
  },
};
