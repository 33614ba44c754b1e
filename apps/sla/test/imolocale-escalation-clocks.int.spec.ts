import { complaintEvents } from '@complaints/service-testing';
import { clocksHarness } from './clocks-harness';

/*
 * The REAL imolocale policy (24 h and 48 h from first contact), driven by a fake clock, no
 * sleeps: first contact Saturday 24 October 2026 12:00 in Paris (+02:00); the clocks go back
 * that night, so 24 h later is Sunday 25 October 11:00 (+01:00), 48 h later Monday 26 at 11:00.
 * The escalation service turns these breaches into levels 2 and 3 (its ladder tests show that).
 */
describe('imolocale escalation clocks across the October DST change (fake clock)', () => {
  const firstContact = '2026-10-24T12:00:00+02:00';
  const level2 = Date.parse('2026-10-25T11:00:00+01:00');
  const level3 = Date.parse('2026-10-26T11:00:00+01:00');
  const sla = clocksHarness(firstContact);
  const { clock, handlers, deliver, outboxEvents } = sla;

  async function alertsOf(complaintId: string): Promise<string[]> {
    return (await outboxEvents(complaintId))
      .filter((event) => event.type !== 'sla.clocks-changed')
      .map((event) => {
        const { metric, dueAt } = event.data as { metric: string; dueAt: string };
        return `${event.type} ${metric} ${dueAt}`;
      });
  }

  it('breaches escalation_level_2 exactly 24 h and escalation_level_3 exactly 48 h after first contact, not a millisecond earlier', async () => {
    const events = complaintEvents({
      policyId: 'imolocale',
      firstContactAt: new Date(firstContact).toISOString(),
    });
    // Received later that afternoon: the promises still count from first contact.
    clock.set(new Date('2026-10-24T15:00:00+02:00'));
    await deliver(events.received('2026-10-24T15:00:00+02:00'));
    const scheduler = sla.db().scheduler(clock, handlers);
    const breaches = async () =>
      (await alertsOf(events.complaintId)).filter((line) => line.startsWith('sla.clock-breached'));

    clock.set(new Date(level2 - 1));
    await scheduler.fireDue();
    expect(await breaches()).toEqual([]);
    // The 18 h warnings (75 % of 24 h) came first; the 36 h ones are not due yet.
    expect((await alertsOf(events.complaintId)).sort()).toEqual([
      `sla.clock-warning escalation_level_2 ${new Date(level2).toISOString()}`,
      `sla.clock-warning regular_update ${new Date(level2).toISOString()}`,
    ]);

    clock.set(new Date(level2));
    await scheduler.fireDue();
    expect((await breaches()).sort()).toEqual([
      `sla.clock-breached escalation_level_2 2026-10-25T10:00:00.000Z`,
      `sla.clock-breached regular_update 2026-10-25T10:00:00.000Z`,
    ]);

    clock.set(new Date(level3 - 1));
    await scheduler.fireDue();
    expect(await breaches()).toHaveLength(2);

    clock.set(new Date(level3));
    await scheduler.fireDue();
    expect((await breaches()).filter((line) => !line.includes('2026-10-25T10:00'))).toEqual(
      expect.arrayContaining([
        `sla.clock-breached escalation_level_3 2026-10-26T10:00:00.000Z`,
        `sla.clock-breached findings 2026-10-26T10:00:00.000Z`,
      ]),
    );
    expect(await breaches()).toHaveLength(4);

    // Firing again later changes nothing: each breach once.
    clock.set(new Date(level3 + 3600_000));
    await scheduler.fireDue();
    expect(await breaches()).toHaveLength(4);
  });
});
