import { ComplaintReceivedV1, Envelope, STREAMS } from '@complaints/contracts';
import { JetStreamEventPublisher, Topology, createEvent } from '@complaints/messaging';
import { testInfrastructure, waitFor } from '@complaints/testing';
import { NatsConnection, connect } from 'nats';
import { randomUUID } from 'node:crypto';
import { expectStatus } from './support/api-client';
import { API_KEYS } from './support/running-system';
import { systemForFile } from './support/system-for-file';

/*
 * The register under redelivery and a crash: events published straight onto the COMPLAINTS
 * stream, as intake's outbox relay does, each end up as exactly one entry whether JetStream
 * hands the same event over a thousand times or `audit` is killed (SIGKILL, no shutdown)
 * in the middle of a burst and started again.
 */

const DURABLE = 'audit-register-complaints';

function received(): Envelope {
  const reference = `MIMO-2026-${String(Math.floor(Math.random() * 1_000_000)).padStart(6, '0')}`;
  return createEvent(ComplaintReceivedV1, {
    complaintId: randomUUID(),
    actor: { kind: 'client', id: 'agent-key' },
    data: {
      policyId: 'mimo',
      policyVersion: 1,
      reference,
      kind: 'complaint',
      channel: 'email',
      status: 'received',
      receivedAt: '2026-03-02T10:00:00+01:00',
      firstContactAt: null,
      thirdParty: false,
      sellerId: null,
    },
  });
}

describe('the audit register under redelivery and kill -9', () => {
  const sut = systemForFile(['gateway', 'audit'], { database: true });
  let nats: NatsConnection;
  let topology: Topology;

  beforeAll(async () => {
    nats = await connect({ servers: (await testInfrastructure()).natsUrl });
    topology = new Topology(sut.system.namespace);
  });
  afterAll(() => nats.close());

  const subject = () => topology.eventSubject(ComplaintReceivedV1);

  /** How many entries each of the event ids has, read from the register's own table. */
  async function entriesPerEvent(ids: readonly string[]): Promise<Map<string, number>> {
    const { rows } = await sut.db.query<{ event_id: string; count: string }>(
      `select event_id, count(*) as count from audit.entries where event_id = any($1::uuid[]) group by event_id`,
      [ids],
    );
    return new Map(rows.map((row) => [row.event_id, Number(row.count)]));
  }

  /** Resolves once the register's consumer has every message of its stream handled and acknowledged. */
  async function consumerDrained(): Promise<void> {
    const jsm = await nats.jetstreamManager();
    const stream = topology.streamName(STREAMS.complaints);
    await waitFor('audit to handle every message on its stream', async () => {
      const info = await jsm.consumers.info(stream, DURABLE).catch(() => undefined);
      return info !== undefined && info.num_pending === 0 && info.num_ack_pending === 0;
    }, 60_000, 100);
  }

  async function verifiesOk(): Promise<void> {
    const result = expectStatus(await sut.api.get(API_KEYS.auditor, '/v1/audit/verify'), 200).body;
    expect(result).toMatchObject({ ok: true, firstBroken: null });
  }

  it('records an event redelivered 1,000 times once', async () => {
    const event = received();
    const body = JSON.stringify(event);
    // No message id: JetStream's duplicate window cannot drop them, only the register can tell.
    for (let i = 0; i < 1000; i += 100) {
      await Promise.all(Array.from({ length: 100 }, () => nats.jetstream().publish(subject(), body)));
    }
    await consumerDrained();
    expect(await entriesPerEvent([event.id])).toEqual(new Map([[event.id, 1]]));
    await verifiesOk();
  });

  it('records every event of a burst exactly once when audit is killed in the middle of it', async () => {
    const publisher = new JetStreamEventPublisher(nats.jetstream());
    const before = received();
    const during = Array.from({ length: 200 }, received);
    const whileDown = Array.from({ length: 50 }, received);
    const all = [before, ...during, ...whileDown];
    const publish = async (events: readonly Envelope[]) => {
      for (const envelope of events) await publisher.publish({ subject: subject(), envelope });
    };

    await publish([before]);
    await waitFor('audit to record the first event', async () => (await entriesPerEvent([before.id])).size === 1, 30_000, 50);
    // The burst goes out while audit appends; it is killed as soon as it has started on it.
    const burst = publish(during);
    await waitFor('audit to start on the burst', async () => (await entriesPerEvent(during.map((event) => event.id))).size > 0, 30_000, 10);
    await sut.system.stopService('audit', 'SIGKILL');
    await burst;
    await publish(whileDown);

    await sut.system.startService('audit');
    await consumerDrained();
    const counts = await entriesPerEvent(all.map((event) => event.id));
    expect(all.filter((event) => counts.get(event.id) !== 1).map((event) => event.id)).toEqual([]);
    expect(counts.size).toBe(all.length);
    await verifiesOk();
  });
});
