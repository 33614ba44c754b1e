import { DEAD_LETTER_STREAM, Envelope, STREAMS } from '@complaints/contracts';
import { executeSql } from '@complaints/persistence';
import { waitFor } from '@complaints/testing';
import { AckPolicy, DeliverPolicy, headers } from 'nats';
import { DurableEventConsumer, HandlerOutcome, Inbox, ensureDeadLetterStream } from '../src';
import { MessagingFixture, SCHEMA, openMessagingFixture, sampleComplaintReceived, silentLogger } from './messaging-fixture';

describe(DurableEventConsumer.name, () => {
  let fixture: MessagingFixture;
  const consumers: DurableEventConsumer[] = [];

  // A fresh stream per test: a new durable consumer replays everything already on its stream.
  beforeEach(async () => {
    fixture = await openMessagingFixture();
  });
  afterEach(async () => {
    await Promise.all(consumers.splice(0).map((consumer) => consumer.stop()));
    await fixture.close();
  });

  /** Publishes like a relay would, with a chosen message id (a republish after the dedupe window gets a fresh one). */
  async function publish(envelope: Envelope, msgID = envelope.id, raw?: Uint8Array): Promise<void> {
    const subject = fixture.topology.subject(`${STREAMS.complaints.subjectPrefix}.${envelope.type}.v${envelope.version}`);
    await fixture.nats.jetstream().publish(subject, raw ?? new TextEncoder().encode(JSON.stringify(envelope)), { msgID, headers: headers() });
  }

  async function effectsFor(consumer: string, eventId: string): Promise<number> {
    const rows = await executeSql<{ count: string }>(
      fixture.orm.em.fork(),
      `select count(*) as count from ${SCHEMA}.effects where consumer = ? and event_id = ?`,
      [consumer, eventId],
    );
    return Number(rows[0]?.count);
  }

  async function startConsumer(durable: string, handle: (envelope: Envelope, deliveryCount: number) => Promise<HandlerOutcome>, maxDeliver = 5) {
    const consumer = new DurableEventConsumer(fixture.nats.jetstream(), await fixture.nats.jetstreamManager(), fixture.topology, silentLogger, {
      stream: STREAMS.complaints,
      durable,
      maxDeliver,
      ackWaitMs: 2_000,
      handle: ({ envelope, deliveryCount }) => handle(envelope, deliveryCount),
    });
    await consumer.start();
    consumers.push(consumer);
    return consumer;
  }

  function recordingHandler(durable: string, outcomes: string[], afterEffect?: (deliveryCount: number) => void) {
    const inbox = new Inbox(SCHEMA, durable);
    return async (envelope: Envelope, deliveryCount: number): Promise<HandlerOutcome> => {
      const result = await inbox.processOnce(fixture.orm.em, envelope, async (tx) => {
        await executeSql(tx, `insert into ${SCHEMA}.effects (event_id, consumer) values (?, ?)`, [envelope.id, durable]);
      });
      outcomes.push(result.status);
      afterEffect?.(deliveryCount);
      return result.status;
    };
  }

  it('processes the same event delivered twice only once', async () => {
    const event = sampleComplaintReceived();
    const outcomes: string[] = [];
    await startConsumer('twice', recordingHandler('twice', outcomes));

    await publish(event);
    await publish(event, `${event.id}-republished-after-dedupe-window`);

    await waitFor('both deliveries', () => outcomes.length === 2);
    expect(outcomes).toEqual(['processed', 'duplicate']);
    expect(await effectsFor('twice', event.id)).toBe(1);
  });

  it('is harmless when a handler commits and then dies before acknowledging', async () => {
    const event = sampleComplaintReceived();
    const outcomes: string[] = [];
    await startConsumer(
      'dies-before-ack',
      recordingHandler('dies-before-ack', outcomes, (deliveryCount) => {
        if (deliveryCount === 1) throw new Error('crash after COMMIT, before ack');
      }),
    );

    await publish(event);

    await waitFor('the redelivery', () => outcomes.length === 2, 15_000);
    expect(outcomes).toEqual(['processed', 'duplicate']);
    expect(await effectsFor('dies-before-ack', event.id)).toBe(1);
  });

  it('dead-letters an event whose handler keeps failing, after maxDeliver attempts', async () => {
    const event = sampleComplaintReceived();
    let attempts = 0;
    await startConsumer(
      'always-fails',
      async (envelope) => {
        if (envelope.id === event.id) attempts += 1;
        throw new Error('downstream is broken');
      },
      2,
    );

    await publish(event);

    const deadLetter = await waitFor('the dead letter', () => firstDeadLetter('always-fails'), 15_000);
    expect(attempts).toBe(2);
    expect(deadLetter.headers?.get('Dead-Letter-Reason')).toContain('downstream is broken');
    expect(JSON.parse(new TextDecoder().decode(deadLetter.data)).id).toBe(event.id);
  });

  it('dead-letters a message that is not a valid event without calling the handler', async () => {
    let calls = 0;
    await startConsumer('strict', async () => {
      calls += 1;
      return 'processed';
    });

    await publish(sampleComplaintReceived(), 'garbage-1', new TextEncoder().encode('{"not":"an envelope"}'));

    const deadLetter = await waitFor('the dead letter', () => firstDeadLetter('strict'));
    expect(deadLetter.headers?.get('Dead-Letter-Reason')).toMatch(/invalid envelope/);
    expect(calls).toBe(0);
  });

  async function firstDeadLetter(durable: string) {
    const jsm = await fixture.nats.jetstreamManager();
    await ensureDeadLetterStream(jsm, fixture.topology);
    const stream = fixture.topology.streamName(DEAD_LETTER_STREAM);
    const subject = fixture.topology.deadLetterSubject(fixture.topology.streamName(STREAMS.complaints), durable);
    const info = await jsm.streams.info(stream);
    if (info.state.messages === 0) return undefined;
    const name = `reader_${durable.replace(/-/g, '_')}_${Date.now()}`;
    await jsm.consumers.add(stream, { name, ack_policy: AckPolicy.None, deliver_policy: DeliverPolicy.All, filter_subject: subject, inactive_threshold: 5e9 });
    const consumer = await fixture.nats.jetstream().consumers.get(stream, name);
    return (await consumer.next({ expires: 1000 })) ?? undefined;
  }
});
