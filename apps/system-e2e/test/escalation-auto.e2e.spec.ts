import { waitFor } from '@complaints/testing';
import { expectStatus } from './support/api-client';
import { newComplaint } from './support/complaint-bodies';
import { API_KEYS } from './support/running-system';
import { publishRuntimeCopy } from './support/runtime-policy';
import { command, createComplaint, iso, sleep, timelineOf, waitForClocks } from './support/sla-probes';
import { systemForFile } from './support/system-for-file';

/*
 * imolocale's automatic escalation with real timers: a runtime copy of the seed policy whose
 * level-2 and level-3 clocks run 4 s and 8 s of elapsed time from first contact (instead of
 * 24 h and 48 h). intake follows the escalation service's level, and the steps are on the
 * complaint's timeline. The fake-clock test with the real 24 h/48 h policy is in
 * apps/sla/test/imolocale-escalation-clocks.int.spec.ts.
 */

const POLICY_ID = 'imolocale-fast-escalation';
const LEVEL_2_AFTER_MS = 4000;
const LEVEL_3_AFTER_MS = 8000;

describe('imolocale auto-escalation with real timers', () => {
  const sut = systemForFile(['gateway', 'intake', 'sla', 'escalation'], { database: true });
  const { api } = sut;

  beforeAll(() =>
    publishRuntimeCopy(api, 'imolocale', {
      id: POLICY_ID,
      name: 'imolocale, escalating in seconds',
      targets: {
        escalation_level_2: { amount: LEVEL_2_AFTER_MS / 1000, unit: 'seconds' },
        escalation_level_3: { amount: LEVEL_3_AFTER_MS / 1000, unit: 'seconds' },
      },
    }),
  );

  const levelOf = async (id: string): Promise<number> => expectStatus(await api.get(API_KEYS.agent, `/v1/complaints/${id}`), 200).body.escalationLevel;

  it('climbs 1 → 2 at 4 s and 2 → 3 at 8 s after first contact, never beyond 3; a complaint resolved before 4 s stays at level 1', async () => {
    const firstContact = Date.now() - 200;
    const body = newComplaint({ policyId: POLICY_ID, firstContactAt: iso(firstContact) });
    const [escalating, resolvedEarly] = await Promise.all([createComplaint(api, body), createComplaint(api, body)]);
    await command(api, resolvedEarly, 'resolve', { summary: 'Sorted on the phone.' });
    expect(Date.now() - firstContact).toBeLessThan(LEVEL_2_AFTER_MS);

    expect(await levelOf(escalating)).toBe(1);
    const clocks = await waitForClocks(api, escalating, 'the escalation clocks to start', (c) => c['escalation_level_3']?.dueAt != null);
    expect(Date.parse(clocks['escalation_level_2']?.dueAt ?? '')).toBe(firstContact + LEVEL_2_AFTER_MS);
    expect(Date.parse(clocks['escalation_level_3']?.dueAt ?? '')).toBe(firstContact + LEVEL_3_AFTER_MS);

    // Watch the level as it changes, noting when each was first seen.
    const seen = new Map<number, number>();
    await waitFor('the complaint to reach level 3', async () => {
      const level = await levelOf(escalating);
      if (!seen.has(level)) seen.set(level, Date.now() - firstContact);
      return level === 3;
    }, LEVEL_3_AFTER_MS + 8000, 100);
    const reachedLevel2 = seen.get(2) ?? seen.get(3) ?? 0;
    expect(reachedLevel2).toBeGreaterThanOrEqual(LEVEL_2_AFTER_MS);
    expect(seen.get(2)).toBeDefined(); // level 2 was observable before level 3 …
    expect(seen.get(2)).toBeLessThan(LEVEL_3_AFTER_MS + 1000); // … and came at 4 s, not with level 3
    expect(seen.get(3)).toBeGreaterThanOrEqual(LEVEL_3_AFTER_MS);
    expect(seen.get(3)).toBeLessThan(LEVEL_3_AFTER_MS + 3000);

    // Later triggers (the remaining clocks' warnings, a manual escalation) never go past the final level.
    await command(api, escalating, 'escalate', { reason: 'The customer asked for a manager.' });
    await sleep(1500);
    expect(await levelOf(escalating)).toBe(3);

    const raised = (await timelineOf(api, escalating)).filter((entry) => entry.type === 'escalation.level-raised');
    expect(raised.map((entry) => entry.data)).toEqual([
      expect.objectContaining({ fromLevel: 1, toLevel: 2, trigger: expect.stringMatching(/breach/), metric: 'escalation_level_2', final: false }),
      expect.objectContaining({ fromLevel: 2, toLevel: 3, trigger: expect.stringMatching(/breach/), metric: 'escalation_level_3', final: true }),
    ]);
    const breached = await waitForClocks(api, escalating, 'both escalation clocks breached', (c) =>
      c['escalation_level_2']?.status === 'breached' && c['escalation_level_3']?.status === 'breached');
    expect(Date.parse(breached['escalation_level_2']?.breachedAt ?? '')).toBe(firstContact + LEVEL_2_AFTER_MS);
    expect(Date.parse(breached['escalation_level_3']?.breachedAt ?? '')).toBe(firstContact + LEVEL_3_AFTER_MS);

    // The complaint resolved at once: its escalation clocks were met, and it never left level 1.
    expect(await levelOf(resolvedEarly)).toBe(1);
    const early = await waitForClocks(api, resolvedEarly, 'the early complaint\'s clocks', (c) => c['escalation_level_2'] !== undefined);
    expect(early['escalation_level_2']?.status).toBe('met');
    expect(early['escalation_level_3']?.status).toBe('met');
    expect((await timelineOf(api, resolvedEarly)).filter((entry) => entry.type === 'escalation.level-raised')).toEqual([]);

    // Agents find the complaint whose promises broke, and only that one, by filtering on it.
    const listed = async (breachedFilter: boolean): Promise<string[]> =>
      (expectStatus(await api.get(API_KEYS.agent, `/v1/complaints?breached=${breachedFilter}&limit=100`), 200).body.items as { id: string }[]).map(
        (item) => item.id,
      );
    await waitFor('the breached complaint to be listed as breached', async () => (await listed(true)).includes(escalating));
    expect(await listed(true)).not.toContain(resolvedEarly);
    expect(await listed(false)).toContain(resolvedEarly);
    expect(await listed(false)).not.toContain(escalating);
  });
});
