import { ComplaintReceivedV1 } from '@complaints/contracts';
import { executeSql } from '@complaints/persistence';
import { v7 as uuidv7 } from 'uuid';
import { EventPublisher, JetStreamEventPublisher, Outbox, OutboxRelay, PublishResult } from '../src';
import { MessagingFixture, SCHEMA, openMessagingFixture, sampleComplaintReceived, silentLogger, streamMessageCount } from './messaging-fixture';

/** Publishes for real, then fails as a process would that crashed before recording the publish. */
class CrashAfterPublishing implements EventPublisher {
  constructor(private readonly inner: EventPublisher) {}
  async publish(...args: Parameters<EventPublisher['publish']>): Promise<PublishResult> {
    await this.inner.publish(...args);
    throw new Error('process died before COMMIT');
  }
}

describe(OutboxRelay.name, () => {
  let fixture: MessagingFixture;
  const outbox = new Outbox(SCHEMA);

  beforeAll(async () => {
    fixture = await openMessagingFixture();
  });
  afterAll(() => fixture.close());

  async function pendingRows(): Promise<number> {
    const rows = await executeSql<{ count: string }>(
      fixture.orm.em.fork(),
      `select count(*) as count from ${SCHEMA}.outbox where sent_at is null`,
    );
    return Number(rows[0]?.count);
  }

  function relayWith(publisher: EventPublisher): OutboxRelay {
    return new OutboxRelay(fixture.orm, SCHEMA, publisher, fixture.topology, silentLogger);
  }

  it('publishes nothing for a transaction that rolled back', async () => {
    await expect(
      fixture.orm.em.fork().transactional(async (tx) => {
        await outbox.append(tx, ComplaintReceivedV1, sampleComplaintReceived());
        throw new Error('the state change failed');
      }),
    ).rejects.toThrow('the state change failed');

    const relay = relayWith(new JetStreamEventPublisher(fixture.nats.jetstream()));
    expect(await relay.relayBatch()).toBe(0);
    expect(await pendingRows()).toBe(0);
    expect(await streamMessageCount(fixture)).toBe(0);
  });

  it('refuses to append outside a transaction, where the event could outlive a failed change', async () => {
    await expect(outbox.append(fixture.orm.em.fork(), ComplaintReceivedV1, sampleComplaintReceived())).rejects.toThrow(
      /inside the transaction/,
    );
  });

  it('republishes a row after a crash between publish and commit, and the stream keeps one copy', async () => {
    const before = await streamMessageCount(fixture);
    const event = sampleComplaintReceived();
    await fixture.orm.em.fork().transactional((tx) => outbox.append(tx, ComplaintReceivedV1, event));

    const realPublisher = new JetStreamEventPublisher(fixture.nats.jetstream());
    expect(await relayWith(new CrashAfterPublishing(realPublisher)).relayBatch()).toBe(0);
    expect(await pendingRows()).toBe(1);
    expect(await streamMessageCount(fixture)).toBe(before + 1);

    expect(await relayWith(realPublisher).relayBatch()).toBe(1);
    expect(await pendingRows()).toBe(0);
    // Same Nats-Msg-Id: JetStream dropped the second copy.
    expect(await streamMessageCount(fixture)).toBe(before + 1);
  });

  it('lets concurrent relays share the rows without publishing any twice', async () => {
    const before = await streamMessageCount(fixture);
    await fixture.orm.em.fork().transactional(async (tx) => {
      for (let i = 0; i < 300; i++) await outbox.append(tx, ComplaintReceivedV1, sampleComplaintReceived());
    });
    const publisher = new JetStreamEventPublisher(fixture.nats.jetstream());
    const relays = [relayWith(publisher), relayWith(publisher), relayWith(publisher)];
    let sent = 0;
    while ((await pendingRows()) > 0) {
      const counts = await Promise.all(relays.map((relay) => relay.relayBatch()));
      sent += counts.reduce((a, b) => a + b, 0);
    }
    expect(sent).toBe(300);
    expect(await streamMessageCount(fixture)).toBe(before + 300);
  });

  it('holds back only the complaint whose event failed, and counts the backlog', async () => {
    await relayWith(new JetStreamEventPublisher(fixture.nats.jetstream())).relayBatch();
    const ofComplaint = (complaintId: string) => ({ ...sampleComplaintReceived(), complaintId });
    const [a, b] = [uuidv7(), uuidv7()];
    const stuck = ofComplaint(a);
    const afterStuck = ofComplaint(a);
    const other = ofComplaint(b);
    await fixture.orm.em.fork().transactional(async (tx) => {
      for (const event of [stuck, afterStuck, other]) await outbox.append(tx, ComplaintReceivedV1, event);
    });
    const published: string[] = [];
    const realPublisher = new JetStreamEventPublisher(fixture.nats.jetstream());
    const failingOnce: EventPublisher = {
      publish: async (event, context) => {
        if (event.envelope.id === stuck.id) throw new Error('stream unavailable for this subject');
        published.push(event.envelope.id);
        return realPublisher.publish(event, context);
      },
    };
    const relay = relayWith(failingOnce);

    expect(await relay.relayBatch()).toBe(1);
    // The other complaint's event left; the stuck complaint's later event waits behind it, in order.
    expect(published).toEqual([other.id]);
    const backlog = await relay.backlog();
    expect(backlog.pending).toBe(2);
    expect(backlog.oldestAgeSeconds).toBeGreaterThanOrEqual(0);

    expect(await relayWith(realPublisher).relayBatch()).toBe(2);
    expect(await relay.backlog()).toEqual({ pending: 0, oldestAgeSeconds: 0 });
  });

  it('keeps sent rows for the replay window and purges them after it', async () => {
    const relay = new OutboxRelay(fixture.orm, SCHEMA, new JetStreamEventPublisher(fixture.nats.jetstream()), fixture.topology, silentLogger, {
      replayWindowMs: 60_000,
    });
    expect(await relay.purgeSent(new Date())).toBe(0);
    const purged = await relay.purgeSent(new Date(Date.now() + 120_000));
    expect(purged).toBeGreaterThan(0);
  });
});
