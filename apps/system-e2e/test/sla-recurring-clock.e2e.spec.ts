import { waitFor } from '@complaints/testing';
import { newComplaint } from './support/complaint-bodies';
import { publishRuntimeCopy } from './support/runtime-policy';
import { ClockView, command, createComplaint, instantsOf, iso, slaEventsOf, timelineOf, waitForClocks } from './support/sla-probes';
import { systemForFile } from './support/system-for-file';

/*
 * imolocale's regular_update over HTTP with real timers: a runtime copy of the seed policy
 * whose update is due every 3 s (instead of 24 h). Each `update` response starts a new span
 * due one target after it; a span that lapses is breached (and announced), and the next
 * update starts a running span again. The fake-clock cases are in
 * apps/sla/test/complaint-clocks.int.spec.ts.
 */

const POLICY_ID = 'imolocale-fast-updates';
const EVERY_MS = 3000;

describe('a recurring clock (regular_update) with real timers', () => {
  const sut = systemForFile(['gateway', 'intake', 'sla'], { database: true });
  const { api } = sut;

  beforeAll(() =>
    publishRuntimeCopy(api, 'imolocale', {
      id: POLICY_ID,
      name: 'imolocale, updating every 3 seconds',
      targets: { regular_update: { amount: EVERY_MS / 1000, unit: 'seconds' } },
    }),
  );

  /** Sends an update to the customer; returns when intake says it was sent. */
  async function sendUpdate(complaintId: string): Promise<number> {
    await command(api, complaintId, 'responses', { type: 'update', channel: 'email', summary: 'The carrier is tracing the parcel.' });
    const sent = (await timelineOf(api, complaintId)).filter((entry) => entry.type === 'complaint.response-sent');
    return Date.parse(sent.at(-1)?.occurredAt ?? '');
  }

  const regularUpdate = async (complaintId: string, what: string, ready: (clock: ClockView) => boolean): Promise<ClockView> => {
    const clocks = await waitForClocks(api, complaintId, what, (c) => c['regular_update'] !== undefined && ready(c['regular_update']));
    return clocks['regular_update'] as ClockView;
  };

  it('runs a new span from each update, breaches a span that lapses, and runs again from the next update', async () => {
    const firstContact = Date.now();
    const id = await createComplaint(api, newComplaint({ policyId: POLICY_ID, firstContactAt: iso(firstContact) }));
    await command(api, id, 'acknowledge');
    const first = await regularUpdate(id, 'the first span', (clock) => clock.status === 'running');
    expect(instantsOf(first)).toMatchObject({ startedAt: firstContact, dueAt: firstContact + EVERY_MS });

    // An update in time: span 2 is due one target after it, not after first contact.
    const updated = await sendUpdate(id);
    expect(updated).toBeLessThan(firstContact + EVERY_MS);
    const second = await regularUpdate(id, 'span 2', (clock) => Date.parse(clock.startedAt ?? '') === updated);
    expect(instantsOf(second)).toMatchObject({ status: 'running', startedAt: updated, dueAt: updated + EVERY_MS, breachedAt: null });
    expect(second.explanation).toContain('span 2: restarted by update_sent');
    expect(second.explanation).toContain('span 1 (due');

    // No update for a whole span: the breach timer marks it breached and announces it.
    const lapsed = await regularUpdate(id, 'span 2 to lapse', (clock) => clock.status === 'breached');
    expect(instantsOf(lapsed)).toMatchObject({ startedAt: updated, breachedAt: updated + EVERY_MS });
    const breach = await waitFor(
      'sla.clock-breached for regular_update',
      async () => (await slaEventsOf(sut.db, id)).find((event) => event.type === 'sla.clock-breached' && event.data['metric'] === 'regular_update'),
      5000,
      100,
    );
    expect(Date.parse(String(breach.data['dueAt']))).toBe(updated + EVERY_MS);

    // The next update starts a running span again, with its own deadline.
    const late = await sendUpdate(id);
    const third = await regularUpdate(id, 'span 3', (clock) => clock.status === 'running');
    expect(instantsOf(third)).toMatchObject({ startedAt: late, dueAt: late + EVERY_MS, metAt: null, breachedAt: null });
    expect(third.explanation).toContain('span 3: restarted by update_sent');
    expect(third.explanation).toContain('span 2 was breached at its deadline');

    // Resolving stops the clock for good: met, within span 3.
    await command(api, id, 'resolve', { summary: 'The parcel was delivered.' });
    const met = await regularUpdate(id, 'the clock met by the resolution', (clock) => clock.status === 'met');
    expect(instantsOf(met)).toMatchObject({ startedAt: late, dueAt: late + EVERY_MS });
    expect((await slaEventsOf(sut.db, id)).filter((event) => event.type === 'sla.clock-breached' && event.data['metric'] === 'regular_update')).toHaveLength(1);
  });
});
