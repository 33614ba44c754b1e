import { waitFor } from '@complaints/testing';
import { expectStatus } from './support/api-client';
import { newComplaint } from './support/complaint-bodies';
import { API_KEYS } from './support/running-system';
import { createComplaint, iso, sleep, slaEventsOf, timersOf } from './support/sla-probes';
import { systemForFile } from './support/system-for-file';

/*
 * sla stopped with timers pending: complaints are timed under a runtime policy whose clocks
 * run 5–6 s from first contact, sla is stopped before any falls due, the deadlines pass while
 * it is down, and on start it fires every missed timer exactly once, marked late with its lag.
 * Seconds enough for three complaints to be planned and sla stopped on a busy machine (2.3 s
 * was seen under a full test run) before the first warning, at 75 % of 5 s.
 */

const POLICY_ID = 'imolocale-restart';
const SHORT: Record<string, { amount: number; unit: string }> = {
  regular_update: { amount: 5, unit: 'seconds' },
  escalation_level_2: { amount: 5, unit: 'seconds' },
  findings: { amount: 6, unit: 'seconds' },
  escalation_level_3: { amount: 6, unit: 'seconds' },
};
const FIRST_WARNING_MS = 3750;
const LAST_DUE_MS = 6000;
const MISSED = Object.keys(SHORT);

type Clock = { id: string; target: { amount: number; unit: string } };

describe('sla restarted after its deadlines passed', () => {
  const sut = systemForFile(['gateway', 'intake', 'sla'], { database: true });
  const { api } = sut;

  beforeAll(async () => {
    const seed = expectStatus(await api.get(API_KEYS.admin, '/v1/policies/imolocale'), 200).body as Record<string, unknown> & { clocks: Clock[] };
    expectStatus(
      await api.call('POST', '/v1/policies', {
        key: API_KEYS.admin,
        json: {
          ...seed,
          id: POLICY_ID,
          version: 1,
          name: 'imolocale, in seconds',
          source: { kind: 'custom', organisation: 'imolocale (test)' },
          clocks: seed.clocks.map((clock) => (SHORT[clock.id] ? { ...clock, target: SHORT[clock.id] } : clock)),
        },
      }),
      201,
    );
    await sleep(1500);
  });

  it('fires every timer that fell due while sla was down exactly once, late, with its lag', async () => {
    // First contact 10 s from now is not allowed (no future instants): give sla time to plan before anything is due.
    const firstContact = Date.now();
    const ids = await Promise.all([1, 2, 3].map(() => createComplaint(api, newComplaint({ policyId: POLICY_ID, firstContactAt: iso(firstContact) }))));
    await waitFor('sla to schedule every breach timer', async () => {
      for (const id of ids) {
        const pending = (await timersOf(sut.db, id)).filter((timer) => timer.kind === 'clock_breach' && timer.fired_at === null);
        if (pending.length < MISSED.length) return false;
      }
      return true;
    }, 10_000, 50);
    const stoppedAt = Date.now();
    await sut.system.stopService('sla');
    // Stopped before the first timer fell due, or the test proves nothing.
    expect(stoppedAt - firstContact).toBeLessThan(FIRST_WARNING_MS);
    for (const id of ids) {
      expect((await timersOf(sut.db, id)).filter((timer) => timer.fired_at !== null)).toEqual([]);
    }

    await sleep(Math.max(0, firstContact + LAST_DUE_MS + 1000 - Date.now()));
    await sut.system.startService('sla');

    const fired = await waitFor('every missed breach to fire', async () => {
      const all = await Promise.all(ids.map((id) => timersOf(sut.db, id)));
      const breaches = all.flat().filter((timer) => timer.kind === 'clock_breach' && MISSED.includes(timer.subject_key));
      return breaches.every((timer) => timer.fired_at !== null) && all;
    }, 20_000, 100);
    await sleep(1500); // time for a duplicate firing, if there were one

    for (const [index, id] of ids.entries()) {
      const timers = await timersOf(sut.db, id);
      for (const [metric, target] of Object.entries(SHORT)) {
        const due = firstContact + target.amount * 1000;
        for (const kind of ['clock_warning', 'clock_breach']) {
          const rows = timers.filter((timer) => timer.kind === kind && timer.subject_key === metric && timer.cancelled_at === null);
          expect(rows.map((row) => ({ complaint: index, metric, kind, fired: row.fired_at !== null, late: row.late, lagPositive: Number(row.lag_ms) > 0 })))
            .toEqual([{ complaint: index, metric, kind, fired: true, late: true, lagPositive: true }]);
          // Its lag is what it says: fired_at − due_at, and it fired only after sla came back.
          const firedAt = rows[0]?.fired_at?.getTime() ?? Number.NaN;
          const dueAt = rows[0]?.due_at.getTime() ?? Number.NaN;
          expect(Math.abs(Number(rows[0]?.lag_ms) - (firedAt - dueAt))).toBeLessThan(5);
          expect(firedAt).toBeGreaterThan(stoppedAt);
          if (kind === 'clock_breach') expect(dueAt).toBe(due);
        }
      }
      // Resolution (5 days) is still pending: nothing fires early.
      expect(timers.filter((timer) => timer.subject_key === 'resolution' && timer.fired_at !== null)).toEqual([]);
      const breached = (await slaEventsOf(sut.db, id)).filter((event) => event.type === 'sla.clock-breached');
      const perMetric = Object.fromEntries(MISSED.map((metric) => [metric, breached.filter((event) => event.data['metric'] === metric).length]));
      expect(perMetric).toEqual(Object.fromEntries(MISSED.map((metric) => [metric, 1])));
      expect(breached.every((event) => event.data['late'] === true && Number(event.data['lagMs']) > 0)).toBe(true);
    }
    expect(fired).toHaveLength(ids.length);
  });
});
