import { STREAMS } from '@complaints/contracts';
import { TestBus, complaintEvents } from '@complaints/service-testing';
import { testInfrastructure, waitFor } from '@complaints/testing';
import { expectStatus } from './support/api-client';
import { newComplaint } from './support/complaint-bodies';
import { API_KEYS } from './support/running-system';
import { createComplaint, timelineOf } from './support/sla-probes';
import { systemForFile } from './support/system-for-file';

/*
 * A consumer gives up on an event because of a fault of its own (here intake's complaint
 * history refuses the row, as a broken migration would), the platform's admin finds the event
 * in the dead letters through the gateway, fixes the cause, replays it, and intake handles it
 * exactly once (ADR 0008).
 */

interface DeadLetterItem {
  seq: number;
  consumer: string;
  stream: string;
  eventId: string | null;
  type: string | null;
  reason: string;
}

const FAULT = 'complaint history is being restored';

describe('dead letters replayed through the gateway', () => {
  const sut = systemForFile(['gateway', 'intake'], { database: true });
  const { api } = sut;
  let bus: TestBus;

  beforeAll(async () => {
    bus = await TestBus.connect((await testInfrastructure()).natsUrl, sut.system.namespace);
  });
  afterAll(() => bus?.close());

  async function deadLettersOf(consumer: string, key = API_KEYS.admin): Promise<DeadLetterItem[]> {
    return (expectStatus(await api.get(key, `/v1/admin/dead-letters?consumer=${consumer}`), 200).body as { items: DeadLetterItem[] }).items;
  }

  it('lists the event intake gave up on, refuses to replay it until the cause is fixed, then has intake handle it once', async () => {
    const id = await createComplaint(api, newComplaint());
    const raised = complaintEvents({ complaintId: id }).escalationLevelRaised(1, 2);
    await sut.db.query(`
      create function intake.refuse_history() returns trigger language plpgsql as $$
      begin
        if new.event_id = '${raised.id}' then raise exception '${FAULT}'; end if;
        return new;
      end $$`);
    await sut.db.query(
      'create trigger refuse_history before insert on intake.complaint_history for each row execute function intake.refuse_history()',
    );

    // As escalation publishes it; intake fails on it at each delivery (1 + 2 + 4 + 8 s of back-off), then dead-letters it.
    await bus.publish(raised);
    const [deadLetter] = await waitFor(
      'intake to give up on the escalation',
      async () => {
        const items = (await deadLettersOf('intake-escalation')).filter((item) => item.eventId === raised.id);
        return items.length > 0 && items;
      },
      45_000,
      500,
    );
    expect(deadLetter).toMatchObject({
      consumer: 'intake-escalation',
      stream: bus.topology.streamName(STREAMS.escalation),
      type: 'escalation.level-raised',
      reason: expect.stringContaining(FAULT),
    });
    const seq = deadLetter?.seq as number;
    expect(expectStatus(await api.get(API_KEYS.mimoAdmin, '/v1/admin/dead-letters'), 404).contentType).toMatch(/problem\+json/);
    expectStatus(await api.call('POST', `/v1/admin/dead-letters/${seq}/replay`, { key: API_KEYS.agent }), 403);

    const stillBroken = expectStatus(await api.call('POST', `/v1/admin/dead-letters/${seq}/replay`, { key: API_KEYS.admin }), 409);
    expect(stillBroken.body.detail).toContain(FAULT);
    expect(await deadLettersOf('intake-escalation')).toEqual([expect.objectContaining({ seq })]);

    await sut.db.query('drop trigger refuse_history on intake.complaint_history');
    const replayed = expectStatus(await api.call('POST', `/v1/admin/dead-letters/${seq}/replay`, { key: API_KEYS.admin }), 200);
    expect(replayed.body).toEqual({ seq, consumer: 'intake-escalation', outcome: 'processed' });

    expect(expectStatus(await api.get(API_KEYS.agent, `/v1/complaints/${id}`), 200).body.escalationLevel).toBe(2);
    const timeline = await timelineOf(api, id);
    expect(timeline.filter((event) => event.type === 'escalation.level-raised')).toHaveLength(1);
    expect(await deadLettersOf('intake-escalation')).toEqual([]);
    expectStatus(await api.call('POST', `/v1/admin/dead-letters/${seq}/replay`, { key: API_KEYS.admin }), 404);
  }, 90_000);
});
