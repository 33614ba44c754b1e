import { STREAMS } from '@complaints/contracts';
import { NATS_CONNECTION } from '@complaints/runtime';
import { waitFor } from '@complaints/testing';
import { NatsConnection } from 'nats';
import { EscalationFixture } from './escalation-fixture';

describe('the escalation service', () => {
  let fixture: EscalationFixture;

  beforeAll(async () => {
    fixture = await EscalationFixture.start();
  }, 30_000);

  afterAll(() => fixture?.stop());

  const eventsOf = (complaintId: string, count: number) => fixture.outboxEventsAtLeast(complaintId, count);

  it('puts a received complaint on level 1 of its ladder, and announces nothing', async () => {
    const complaint = fixture.newComplaint('mimo');
    const received = await fixture.received(complaint);
    await waitFor('complaint.received processed', () => fixture.processed(received.id));
    expect(await fixture.levelOf(complaint.id)).toBe(1);
    expect(await fixture.outboxEvents(complaint.id)).toEqual([]);
  });

  it('moves a Mimo complaint up on breaches and requests, and tells the current level of warnings', async () => {
    const complaint = fixture.newComplaint('mimo');
    await fixture.received(complaint);
    await waitFor('the ladder', () => fixture.levelOf(complaint.id));

    await fixture.clockBreached(complaint, 'resolution');
    await eventsOf(complaint.id, 1);
    await fixture.clockWarning(complaint, 'acknowledgement');
    await eventsOf(complaint.id, 2);
    await fixture.escalationRequested(complaint);

    const facts = { policyId: 'mimo', policyVersion: 1 };
    expect(await eventsOf(complaint.id, 3)).toEqual([
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
    expect(await fixture.levelOf(complaint.id)).toBe(3);
    const history = await fixture.query<{ from_level: number; to_level: number; trigger: string }>(
      `select from_level, to_level, trigger from escalation.level_changes where complaint_id = ? order by occurred_at`,
      [complaint.id],
    );
    expect(history).toEqual([
      { from_level: 1, to_level: 2, trigger: 'clock_breach' },
      { from_level: 2, to_level: 3, trigger: 'manual' },
    ]);
  });

  it('keeps a breach that arrives before complaint.received and applies it once the complaint is known', async () => {
    const complaint = fixture.newComplaint('imolocale');
    // The SLA stream is ahead of the COMPLAINTS stream: the breach is retried, not lost.
    const breach = await fixture.clockBreached(complaint, 'escalation_level_2');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await fixture.processed(breach.id)).toBe(false);

    await fixture.received(complaint);
    const [raised] = await waitFor(
      'the early breach applied',
      async () => {
        const events = await fixture.outboxEvents(complaint.id);
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
    const complaint = fixture.newComplaint('imolocale');
    await fixture.received(complaint);
    await waitFor('the ladder', () => fixture.levelOf(complaint.id));
    await fixture.clockBreached(complaint, 'escalation_level_3');
    await eventsOf(complaint.id, 1);

    const late24h = await fixture.clockBreached(complaint, 'escalation_level_2');
    const manual = await fixture.escalationRequested(complaint);
    await waitFor(
      'both processed',
      async () => (await fixture.processed(late24h.id)) && fixture.processed(manual.id),
    );

    expect(await fixture.outboxEvents(complaint.id)).toEqual([
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
    expect(await fixture.levelOf(complaint.id)).toBe(3);
  });

  it('recommends the sanctions imolocale allows when a seller refuses to cooperate', async () => {
    const complaint = fixture.newComplaint('imolocale');
    await fixture.received(complaint, 'seller-17');
    await fixture.sellerNonCooperation(complaint, 'seller-17');
    expect(await eventsOf(complaint.id, 1)).toEqual([
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
    const complaint = fixture.newComplaint('mimo');
    await fixture.received(complaint, 'seller-9');
    const report = await fixture.sellerNonCooperation(complaint, 'seller-9');
    await waitFor('the report processed', () => fixture.processed(report.id));
    expect(await fixture.outboxEvents(complaint.id)).toEqual([]);
  });

  it('publishes its events on the ESCALATION stream', async () => {
    const complaint = fixture.newComplaint('mimo');
    await fixture.received(complaint);
    await fixture.clockBreached(complaint, 'first_reply');
    await eventsOf(complaint.id, 1);
    const jsm = await fixture.app.get<NatsConnection>(NATS_CONNECTION).jetstreamManager();
    const stream = fixture.topology.streamName(STREAMS.escalation);
    await waitFor('the event on the stream', async () => {
      const sent = await fixture.query(
        `select 1 from escalation.outbox where complaint_id = ? and sent_at is not null`,
        [complaint.id],
      );
      return sent.length === 1 && (await jsm.streams.info(stream)).state.messages > 0;
    });
  });
});
