import { STREAMS } from '@complaints/contracts';
import { complaintEvents } from '@complaints/service-testing';
import { waitFor } from '@complaints/testing';
import { v7 as uuidv7 } from 'uuid';
import { EscalationFixture } from './escalation-fixture';

describe('the escalation service', () => {
  let fixture: EscalationFixture;

  beforeAll(async () => {
    fixture = await EscalationFixture.start();
  }, 30_000);

  afterAll(() => fixture?.stop());

  const eventsOf = (complaintId: string, count: number) => fixture.outboxEventsAtLeast(complaintId, count);

  it('puts a received complaint on level 1 of its ladder, and announces nothing', async () => {
    const complaint = complaintEvents({ policyId: 'mimo' });
    const received = await fixture.publish(complaint.received());
    await waitFor('complaint.received processed', () => fixture.processed(received.id));
    expect(await fixture.levelOf(complaint.complaintId)).toBe(1);
    expect(await fixture.outboxEvents(complaint.complaintId)).toEqual([]);
  });

  it('moves a Mimo complaint up on breaches and requests, and tells the current level of warnings', async () => {
    const complaint = complaintEvents({ policyId: 'mimo' });
    await fixture.publish(complaint.received());
    await waitFor('the ladder', () => fixture.levelOf(complaint.complaintId));

    await fixture.publish(complaint.clockBreached('resolution'));
    await eventsOf(complaint.complaintId, 1);
    await fixture.publish(complaint.clockWarning('acknowledgement'));
    await eventsOf(complaint.complaintId, 2);
    await fixture.publish(complaint.escalationRequested());

    const facts = { policyId: 'mimo', policyVersion: 1 };
    expect(await eventsOf(complaint.complaintId, 3)).toEqual([
      {
        type: 'escalation.level-raised',
        data: {
          ...facts,
          fromLevel: 1,
          toLevel: 2,
          levelName: 'Customer Care Supervisor',
          notifies: ['customer_care_supervisor'],
          trigger: 'clock_breach',
          metric: 'resolution',
          final: false,
        },
      },
      {
        type: 'escalation.level-notified',
        data: {
          ...facts,
          level: 2,
          levelName: 'Customer Care Supervisor',
          notifies: ['customer_care_supervisor'],
          trigger: 'clock_warning',
          metric: 'acknowledgement',
        },
      },
      {
        type: 'escalation.level-raised',
        data: {
          ...facts,
          fromLevel: 2,
          toLevel: 3,
          levelName: 'Customer Care Manager',
          notifies: ['customer_care_manager'],
          trigger: 'manual',
          metric: null,
          final: false,
        },
      },
    ]);
    expect(await fixture.levelOf(complaint.complaintId)).toBe(3);
    const history = await fixture.query<{ from_level: number; to_level: number; trigger: string }>(
      `select from_level, to_level, trigger from escalation.level_changes where complaint_id = $1 order by occurred_at`,
      [complaint.complaintId],
    );
    expect(history).toEqual([
      { from_level: 1, to_level: 2, trigger: 'clock_breach' },
      { from_level: 2, to_level: 3, trigger: 'manual' },
    ]);
  });

  it('undoes exactly the step the withdrawn breach raised, named by its event, not the clock’s latest', async () => {
    const complaint = complaintEvents({ policyId: 'mimo' });
    await fixture.publish(complaint.received());
    await waitFor('the ladder', () => fixture.levelOf(complaint.complaintId));
    const first = await fixture.publish(complaint.clockBreached('resolution', '2026-11-27T17:00:00Z'));
    await eventsOf(complaint.complaintId, 1);
    await fixture.publish(complaint.clockBreached('resolution', '2026-12-04T17:00:00Z'));
    await eventsOf(complaint.complaintId, 2);

    await fixture.publish(
      complaint.clockBreachWithdrawn('resolution', '2026-11-27T17:00:00Z', '2026-11-27T16:00:00Z', undefined, first),
    );
    const events = await eventsOf(complaint.complaintId, 3);
    const steps = await fixture.query<{ event_id: string; cause_event_id: string; withdrawn_by: string | null }>(
      `select event_id, cause_event_id, withdrawn_by from escalation.level_changes where complaint_id = $1 order by occurred_at`,
      [complaint.complaintId],
    );
    expect(events[2]).toMatchObject({
      type: 'escalation.level-lowered',
      data: { fromLevel: 3, toLevel: 2, undoesEventId: steps[0]?.event_id },
    });
    expect(steps.map(({ cause_event_id, withdrawn_by }) => [cause_event_id, withdrawn_by !== null])).toEqual([
      [first.id, true],
      [expect.any(String), false],
    ]);
    expect(await fixture.levelOf(complaint.complaintId)).toBe(2);
  });

  it('raises nothing for a breach processed after its withdrawal: both orders end at the same level', async () => {
    const inOrder = complaintEvents({ policyId: 'mimo' });
    const reordered = complaintEvents({ policyId: 'mimo' });
    for (const complaint of [inOrder, reordered]) {
      await fixture.publish(complaint.received());
      await waitFor('the ladder', () => fixture.levelOf(complaint.complaintId));
    }
    const breachOf = (complaint: typeof inOrder) => complaint.clockBreached('acknowledgement', '2026-11-23T10:30:00Z');
    const withdrawalOf = (complaint: typeof inOrder, breach: { id: string }) =>
      complaint.clockBreachWithdrawn('acknowledgement', '2026-11-23T10:30:00Z', '2026-11-23T09:45:00Z', undefined, breach);

    const breach = await fixture.publish(breachOf(inOrder));
    await eventsOf(inOrder.complaintId, 1);
    await fixture.publish(withdrawalOf(inOrder, breach));
    await eventsOf(inOrder.complaintId, 2);

    const lateBreach = breachOf(reordered);
    await fixture.publish(withdrawalOf(reordered, lateBreach));
    await fixture.publish(lateBreach);
    await waitFor('the late breach processed', () => fixture.processed(lateBreach.id));

    expect(await fixture.levelOf(inOrder.complaintId)).toBe(1);
    expect(await fixture.levelOf(reordered.complaintId)).toBe(1);
    expect(await fixture.outboxEvents(reordered.complaintId)).toEqual([]);
  });

  it('undoes the clock’s latest breach step when the withdrawal names no breach (sla before it named them)', async () => {
    const complaint = complaintEvents({ policyId: 'mimo' });
    await fixture.publish(complaint.received());
    await waitFor('the ladder', () => fixture.levelOf(complaint.complaintId));
    await fixture.publish(complaint.clockBreached('resolution', '2026-11-27T17:00:00Z'));
    await eventsOf(complaint.complaintId, 1);
    await fixture.publish(complaint.escalationRequested());
    await eventsOf(complaint.complaintId, 2);

    const withdrawn = complaint.clockBreachWithdrawn('resolution', '2026-11-27T17:00:00Z', '2026-11-27T16:00:00Z');
    await fixture.publish(withdrawn);
    const again = await fixture.publish({ ...withdrawn, id: uuidv7() });
    const events = await eventsOf(complaint.complaintId, 3);
    const [raised] = await fixture.query<{ event_id: string }>(
      `select event_id from escalation.level_changes where complaint_id = $1 and trigger = 'clock_breach'`,
      [complaint.complaintId],
    );
    expect(events[2]).toEqual({
      type: 'escalation.level-lowered',
      data: {
        policyId: 'mimo',
        policyVersion: 1,
        fromLevel: 3,
        toLevel: 2,
        levelName: 'Customer Care Supervisor',
        reason: 'breach_withdrawn',
        metric: 'resolution',
        undoesEventId: raised?.event_id,
      },
    });
    await waitFor('the second withdrawal processed', () => fixture.processed(again.id));
    expect(await fixture.outboxEvents(complaint.complaintId)).toHaveLength(3);
    expect(await fixture.levelOf(complaint.complaintId)).toBe(2);
  });

  it('keeps a breach that arrives before complaint.received and applies it once the complaint is known', async () => {
    const complaint = complaintEvents({ policyId: 'imolocale' });
    // The SLA stream is ahead of the COMPLAINTS stream: the breach is retried, not lost.
    const breach = await fixture.publish(complaint.clockBreached('escalation_level_2'));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await fixture.processed(breach.id)).toBe(false);

    await fixture.publish(complaint.received());
    const [raised] = await waitFor(
      'the early breach applied',
      async () => {
        const events = await fixture.outboxEvents(complaint.complaintId);
        return events.length === 1 ? events : undefined;
      },
      15_000,
    );
    expect(raised).toMatchObject({
      type: 'escalation.level-raised',
      data: { fromLevel: 1, toLevel: 2, metric: 'escalation_level_2', final: false },
    });
  }, 20_000);

  it('stops at the final level: imolocale’s 48 h breach is final and a manual request after it does nothing', async () => {
    const complaint = complaintEvents({ policyId: 'imolocale' });
    await fixture.publish(complaint.received());
    await waitFor('the ladder', () => fixture.levelOf(complaint.complaintId));
    await fixture.publish(complaint.clockBreached('escalation_level_3'));
    await eventsOf(complaint.complaintId, 1);

    const late24h = await fixture.publish(complaint.clockBreached('escalation_level_2'));
    const manual = await fixture.publish(complaint.escalationRequested());
    await waitFor(
      'both processed',
      async () => (await fixture.processed(late24h.id)) && fixture.processed(manual.id),
    );

    expect(await fixture.outboxEvents(complaint.complaintId)).toEqual([
      {
        type: 'escalation.level-raised',
        data: {
          policyId: 'imolocale',
          policyVersion: 1,
          fromLevel: 1,
          toLevel: 3,
          levelName: 'Customer-experience team',
          notifies: ['customer_experience_team'],
          trigger: 'clock_breach',
          metric: 'escalation_level_3',
          final: true,
        },
      },
    ]);
    expect(await fixture.levelOf(complaint.complaintId)).toBe(3);
  });

  it('recommends the sanctions imolocale allows when a seller refuses to cooperate', async () => {
    const complaint = complaintEvents({ policyId: 'imolocale', sellerId: 'seller-17' });
    await fixture.publish(complaint.received());
    await fixture.publish(complaint.sellerNonCooperationReported('seller-17'));
    expect(await eventsOf(complaint.complaintId, 1)).toEqual([
      {
        type: 'escalation.sanction-recommended',
        data: {
          policyId: 'imolocale',
          policyVersion: 1,
          sellerId: 'seller-17',
          sanctions: ['restriction', 'termination'],
        },
      },
    ]);
  });

  it('recommends nothing under a policy without rules for sellers', async () => {
    const complaint = complaintEvents({ policyId: 'mimo', sellerId: 'seller-9' });
    await fixture.publish(complaint.received());
    const report = await fixture.publish(complaint.sellerNonCooperationReported('seller-9'));
    await waitFor('the report processed', () => fixture.processed(report.id));
    expect(await fixture.outboxEvents(complaint.complaintId)).toEqual([]);
  });

  it('publishes its events on the ESCALATION stream', async () => {
    const complaint = complaintEvents({ policyId: 'mimo' });
    await fixture.publish(complaint.received());
    await fixture.publish(complaint.clockBreached('first_reply'));
    await eventsOf(complaint.complaintId, 1);
    await waitFor('the event on the stream', async () => {
      const sent = await fixture.query(
        `select 1 from escalation.outbox where complaint_id = $1 and sent_at is not null`,
        [complaint.complaintId],
      );
      return sent.length === 1 && (await fixture.bus.messageCount(STREAMS.escalation)) > 0;
    });
  });
});
