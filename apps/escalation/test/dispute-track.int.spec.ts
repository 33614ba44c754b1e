import { ComplaintDisputeTierChangedV1, Envelope } from '@complaints/contracts';
import { ComplaintEvents, complaintEvents } from '@complaints/service-testing';
import { waitFor } from '@complaints/testing';
import { EscalationFixture } from './escalation-fixture';

const DIRECT = 'Direct agreement';
const MEDIATION = 'Mediation by an intermediary organisation';
const LEGAL = 'Legal proceedings';

interface HistoryRow {
  cause_event_id: string;
  from_tier: number | null;
  to_tier: number;
  actor_id: string;
  announced: boolean;
}

describe('the dispute track of a MiT complaint', () => {
  let fixture: EscalationFixture;

  beforeAll(async () => {
    fixture = await EscalationFixture.start();
  }, 30_000);

  afterAll(() => fixture?.stop());

  async function deliver(change: Envelope): Promise<void> {
    await fixture.bus.publish(change);
    await waitFor(`${change.id} processed`, () => fixture.processed(change.id));
  }

  async function tierOf(complaint: ComplaintEvents): Promise<number | null | undefined> {
    const [row] = await fixture.query<{ tier: number | null }>(
      `select tier from escalation.complaint_disputes where complaint_id = $1`,
      [complaint.complaintId],
    );
    return row?.tier;
  }

  function historyOf(complaint: ComplaintEvents): Promise<HistoryRow[]> {
    return fixture.query<HistoryRow>(
      `select cause_event_id, from_tier, to_tier, actor_id, event_id is not null as announced
       from escalation.dispute_tier_changes where complaint_id = $1 order by cause_event_id`,
      [complaint.complaintId],
    );
  }

  it('records every tier change with who made it, and announces each with the policy’s tier names', async () => {
    const complaint = complaintEvents({ policyId: 'mit' });
    await fixture.publish(complaint.received());
    const supervisor = { kind: 'client', id: 'supervisor-key' } as const;
    const changes = [
      complaint.disputeTierChanged(null, DIRECT),
      complaint.disputeTierChanged(DIRECT, MEDIATION),
      complaint.disputeTierChanged(MEDIATION, LEGAL, supervisor),
    ];
    for (const change of changes) await deliver(change);

    const announced = (fromTier: number | null, toTier: number, tierName: string, final = false) => ({
      type: 'escalation.dispute-tier-changed',
      data: { policyId: 'mit', policyVersion: 1, fromTier, toTier, tierName, final },
    });
    const events = await fixture.outboxEventsAtLeast(complaint.complaintId, 3);
    expect(events).toMatchObject([
      announced(null, 1, DIRECT),
      announced(1, 2, MEDIATION),
      announced(2, 3, LEGAL, true),
    ]);
    expect(events.map((event) => event.data.changedBy)).toEqual([
      { kind: 'client', id: 'agent-key' },
      { kind: 'client', id: 'agent-key' },
      supervisor,
    ]);
    expect(await tierOf(complaint)).toBe(3);
    expect(await historyOf(complaint)).toEqual([
      { cause_event_id: changes[0]?.id, from_tier: null, to_tier: 1, actor_id: 'agent-key', announced: true },
      { cause_event_id: changes[1]?.id, from_tier: 1, to_tier: 2, actor_id: 'agent-key', announced: true },
      {
        cause_event_id: changes[2]?.id,
        from_tier: 2,
        to_tier: 3,
        actor_id: 'supervisor-key',
        announced: true,
      },
    ]);
    // The ladder is a track of its own: disputes neither move nor notify it.
    expect(await fixture.levelOf(complaint.complaintId)).toBe(1);
  });

  it('keeps the newer tier when an older change arrives after it, and records both in order', async () => {
    const complaint = complaintEvents({ policyId: 'mit' });
    const older = complaint.disputeTierChanged(null, DIRECT);
    const newer = complaint.disputeTierChanged(DIRECT, MEDIATION);

    // As when the older change failed once and JetStream redelivered it after the newer one.
    await deliver(newer);
    await deliver(older);

    expect(await tierOf(complaint)).toBe(2);
    expect(await fixture.outboxEvents(complaint.complaintId)).toMatchObject([
      { type: 'escalation.dispute-tier-changed', data: { fromTier: 1, toTier: 2, tierName: MEDIATION } },
    ]);
    expect(await historyOf(complaint)).toEqual([
      { cause_event_id: older.id, from_tier: null, to_tier: 1, actor_id: 'agent-key', announced: false },
      { cause_event_id: newer.id, from_tier: 1, to_tier: 2, actor_id: 'agent-key', announced: true },
    ]);
  });

  it('changes nothing when a change it has processed comes again', async () => {
    const complaint = complaintEvents({ policyId: 'mit' });
    const change = complaint.disputeTierChanged(null, MEDIATION);
    await deliver(change);

    const { duplicate } = await fixture.bus.publish(change);
    expect(duplicate).toBe(true);
    const sequence = await fixture.bus.republish(change);
    await waitFor('the replay acknowledged', () =>
      fixture.bus.acknowledged(ComplaintDisputeTierChangedV1.stream, 'escalation', sequence),
    );

    expect(await fixture.outboxEvents(complaint.complaintId)).toHaveLength(1);
    expect(await historyOf(complaint)).toHaveLength(1);
    expect(await tierOf(complaint)).toBe(2);
  });
});
