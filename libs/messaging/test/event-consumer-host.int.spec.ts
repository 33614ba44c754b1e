import {
  ComplaintAcknowledgedV1,
  ComplaintReceivedV1,
  DEAD_LETTER_STREAM,
  Envelope,
  STREAMS,
} from '@complaints/contracts';
import { executeSql } from '@complaints/persistence';
import { waitFor } from '@complaints/testing';
import { v7 as uuidv7 } from 'uuid';
import { AckPolicy, DeliverPolicy, headers } from 'nats';
import {
  ConsumedEvent,
  ConsumerOutcome,
  EventConsumer,
  EventConsumerHost,
  Outcome,
  Topology,
  createEvent,
  ensureDeadLetterStream,
} from '../src';
import {
  MessagingFixture,
  SCHEMA,
  openMessagingFixture,
  sampleComplaintReceived,
  silentLogger,
} from './messaging-fixture';

const RECEIPTS = [ComplaintReceivedV1] as const;
type Receipt = ConsumedEvent<typeof RECEIPTS>;

describe(EventConsumerHost.name, () => {
  let fixture: MessagingFixture;
  let host: EventConsumerHost;

  // A fresh stream per test: a new durable consumer replays everything already on its stream.
  beforeEach(async () => {
    fixture = await openMessagingFixture();
    host = new EventConsumerHost({
      orm: fixture.orm,
      schema: SCHEMA,
      js: fixture.nats.jetstream(),
      jsm: await fixture.nats.jetstreamManager(),
      topology: fixture.topology,
      logger: silentLogger,
    });
  });
  afterEach(async () => {
    await host.stop();
    await fixture.close();
  });

  /** Publishes like a relay would, with a chosen message id (a republish after the dedupe window gets a fresh one). */
  async function publish(envelope: Envelope, msgID = envelope.id, raw?: Uint8Array): Promise<void> {
    const subject = fixture.topology.subject(
      `${STREAMS.complaints.subjectPrefix}.${envelope.type}.v${envelope.version}`,
    );
    await fixture.nats
      .jetstream()
      .publish(subject, raw ?? new TextEncoder().encode(JSON.stringify(envelope)), {
        msgID,
        headers: headers(),
      });
  }

  async function effectsFor(consumer: string, eventId: string): Promise<number> {
    const rows = await executeSql<{ count: string }>(
      fixture.orm.em.fork(),
      `select count(*) as count from ${SCHEMA}.effects where consumer = ? and event_id = ?`,
      [consumer, eventId],
    );
    return Number(rows[0]?.count);
  }

  /**
   * A consumer of receipts that records an effect in the inbox transaction, then returns what
   * `decide` says (awaited, so a test can hold a handler). `more` adds concurrency or batching.
   */
  /** Messages delivered and not yet settled, and messages not delivered yet. */
  const ackPending = async (durable: string) => {
    const jsm = await fixture.nats.jetstreamManager();
    const info = await jsm.consumers.info(fixture.topology.streamName(STREAMS.complaints), durable);
    return info.num_ack_pending + info.num_pending;
  };

  async function startConsumer(
    durable: string,
    decide: (event: Receipt, attempt: number) => ConsumerOutcome | Promise<ConsumerOutcome>,
    maxDeliver = 5,
    more: Partial<EventConsumer<typeof RECEIPTS>> = {},
  ) {
    const seen: Receipt[] = [];
    const consumer: EventConsumer<typeof RECEIPTS> = {
      durable,
      events: RECEIPTS,
      maxDeliver,
      ackWaitMs: 2_000,
      handle: async (event, tx) => {
        seen.push(event);
        await executeSql(tx, `insert into ${SCHEMA}.effects (event_id, consumer) values (?, ?)`, [
          event.id,
          durable,
        ]);
        return decide(event, seen.filter((e) => e.id === event.id).length);
      },
      ...more,
    };
    host.register(consumer);
    await host.start();
    return seen;
  }

  it('hands the handler the event with its data parsed against the contract', async () => {
    const event = sampleComplaintReceived();
    const seen = await startConsumer('typed', () => Outcome.processed());
    await publish(event);
    await waitFor('the delivery', () => seen.length === 1);
    expect(seen[0]).toEqual(event);
    // The data is typed by the contract: the compiler knows a receipt's fields, and no others.
    expect(seen[0]?.data.reference).toBe('MIMO-2026-000001');
    // @ts-expect-error -- complaint.received carries no customer, so reading one does not compile.
    expect(seen[0]?.data.customer).toBeUndefined();
  });

  it('reads an event whose envelope has a field this consumer does not know yet', async () => {
    const event = sampleComplaintReceived();
    const seen = await startConsumer('older-consumer', () => Outcome.processed());
    await publish({ ...event, organisationId: 'mimo' } as Envelope);
    await waitFor('the delivery', () => seen.length === 1);
    expect(seen[0]).toEqual(event);
  });

  it('processes the same event delivered twice only once', async () => {
    const event = sampleComplaintReceived();
    const seen = await startConsumer('twice', () => Outcome.processed());

    await publish(event);
    await publish(event, `${event.id}-republished-after-dedupe-window`);

    await waitFor('the first delivery', () => seen.length === 1);
    // The second delivery finds the inbox row and never reaches the handler.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(seen).toHaveLength(1);
    expect(await effectsFor('twice', event.id)).toBe(1);
  });

  it('is harmless when the service dies after COMMIT and before acknowledging', async () => {
    const event = sampleComplaintReceived();
    let crashes = 0;
    const seen = await startConsumer('dies-before-ack', () =>
      Outcome.processed(() => {
        crashes += 1;
        if (crashes === 1) throw new Error('crash after COMMIT, before ack');
      }),
    );

    await publish(event);

    // Redelivered, the event is a duplicate: its effect committed once.
    await waitFor(
      'the redelivery',
      async () => crashes === 1 && (await effectsFor('dies-before-ack', event.id)) === 1,
      15_000,
    );
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    expect(seen).toHaveLength(1);
    expect(await effectsFor('dies-before-ack', event.id)).toBe(1);
  });

  it('rolls back a retry and delivers the event again until it is processed', async () => {
    const event = sampleComplaintReceived();
    const seen = await startConsumer('not-yet', (_event, attempt) =>
      attempt < 2 ? Outcome.retry('its prerequisite has not arrived') : Outcome.processed(),
    );

    await publish(event);

    await waitFor('the second attempt', () => seen.length === 2, 15_000);
    await waitFor('the committed effect', async () => (await effectsFor('not-yet', event.id)) === 1);
  });

  it('sends a rejected event to the dead letters at once, with its reason and without its effect', async () => {
    const event = sampleComplaintReceived();
    const seen = await startConsumer('rejects', () => Outcome.reject('no retry can make this right'), 5);

    await publish(event);

    const deadLetter = await waitFor('the dead letter', () => firstDeadLetter('rejects'), 15_000);
    expect(deadLetter.headers?.get('Dead-Letter-Reason')).toBe('no retry can make this right');
    // Terminated on the stream, in a way every server version reads: never delivered again.
    await waitFor('the event settled', async () => (await ackPending('rejects')) === 0, 5_000);
    expect(seen).toHaveLength(1);
    expect(await effectsFor('rejects', event.id)).toBe(0);
  });

  it("counts each consumer's dead letters waiting, for the backlog gauge", async () => {
    const poison = sampleComplaintReceived();
    await startConsumer(
      'poisoned',
      (event) => (event.id === poison.id ? Outcome.reject('poison') : Outcome.processed()),
      5,
    );
    expect(await host.deadLetterBacklog()).toEqual([]);

    await publish(poison);
    await publish(sampleComplaintReceived());

    await waitFor('the dead letter', () => firstDeadLetter('poisoned'), 15_000);
    expect(await host.deadLetterBacklog()).toEqual([
      { consumer: 'poisoned', stream: fixture.topology.streamName(STREAMS.complaints), count: 1 },
    ]);
  });

  it('replays a dead letter to the one consumer that gave up on it, once its handler is fixed: handled exactly once', async () => {
    const poison = sampleComplaintReceived();
    let fixed = false;
    await startConsumer(
      'replayed',
      () => (fixed ? Outcome.processed() : Outcome.reject('cannot read this yet')),
      5,
    );
    await publish(poison);
    const deadLetter = await waitFor('the dead letter', () => firstDeadLetter('replayed'), 15_000);
    expect(await host.deadLetterBacklog()).toEqual([
      expect.objectContaining({ consumer: 'replayed', count: 1 }),
    ]);

    expect(await host.replayDeadLetter(deadLetter.seq)).toEqual({
      outcome: 'rejected',
      consumer: 'replayed',
      reason: 'cannot read this yet',
    });
    expect(await host.deadLetterBacklog()).toEqual([expect.objectContaining({ count: 1 })]);

    fixed = true;
    expect(await host.replayDeadLetter(deadLetter.seq)).toEqual({
      outcome: 'processed',
      consumer: 'replayed',
    });
    expect(await effectsFor('replayed', poison.id)).toBe(1);
    expect(await host.deadLetterBacklog()).toEqual([]);
    // Gone from the dead letters, and the event stream never carried it twice.
    expect(await host.replayDeadLetter(deadLetter.seq)).toEqual({ outcome: 'not_found' });
    const jsm = await fixture.nats.jetstreamManager();
    expect((await jsm.streams.info(fixture.topology.streamName(STREAMS.complaints))).state.messages).toBe(1);
    expect(await effectsFor('replayed', poison.id)).toBe(1);
  });

  it('keeps dead letters for the retention the deployment sets, 30 days unless told', async () => {
    const jsm = await fixture.nats.jetstreamManager();
    const name = fixture.topology.streamName(DEAD_LETTER_STREAM);
    await ensureDeadLetterStream(jsm, fixture.topology);
    expect((await jsm.streams.info(name)).config.max_age).toBe(30 * 24 * 3600 * 1e9);
    await ensureDeadLetterStream(jsm, new Topology(fixture.topology.namespace, 1, 2 * 24 * 3600 * 1000));
    expect((await jsm.streams.info(name)).config.max_age).toBe(2 * 24 * 3600 * 1e9);
  });

  it('keeps consuming when a dead letter cannot be published, and dead-letters it once the stream is back', async () => {
    const seen = await startConsumer('dead-letters-down', () => Outcome.processed());
    const jsm = await fixture.nats.jetstreamManager();
    await jsm.streams.delete(fixture.topology.streamName(DEAD_LETTER_STREAM));

    await publish(sampleComplaintReceived(), 'garbage-2', new TextEncoder().encode('{"not":"an envelope"}'));
    const event = sampleComplaintReceived();
    await publish(event);
    await waitFor(
      'the event after the one that could not be dead-lettered',
      () => seen.some((e) => e.id === event.id),
      15_000,
    );

    await ensureDeadLetterStream(jsm, fixture.topology);
    const deadLetter = await waitFor('the dead letter', () => firstDeadLetter('dead-letters-down'), 15_000);
    expect(deadLetter.headers?.get('Dead-Letter-Reason')).toMatch(/invalid envelope/);
  });

  it('retries an event for as long as its database is unreachable, beyond maxDeliver, without dead-lettering it', async () => {
    const event = sampleComplaintReceived();
    const seen = await startConsumer(
      'database-down',
      (_event, attempt) => {
        if (attempt <= 3)
          throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
        return Outcome.processed();
      },
      2,
    );

    await publish(event);

    await waitFor(
      'the effect once the database is back',
      async () => (await effectsFor('database-down', event.id)) === 1,
      20_000,
    );
    expect(seen).toHaveLength(4);
    expect(await firstDeadLetter('database-down')).toBeUndefined();
    // Back-off of 1, 2 and 4 s between the attempts.
  }, 30_000);

  it('dead-letters an event whose handler keeps failing, after maxDeliver attempts', async () => {
    const event = sampleComplaintReceived();
    const seen = await startConsumer(
      'always-fails',
      () => {
        throw new Error('downstream is broken');
      },
      2,
    );

    await publish(event);

    const deadLetter = await waitFor('the dead letter', () => firstDeadLetter('always-fails'), 15_000);
    expect(seen).toHaveLength(2);
    expect(deadLetter.headers?.get('Dead-Letter-Reason')).toContain('downstream is broken');
    expect(JSON.parse(new TextDecoder().decode(deadLetter.data)).id).toBe(event.id);
    expect(await effectsFor('always-fails', event.id)).toBe(0);
  });

  it('dead-letters a message that is not a valid event without calling the handler', async () => {
    const seen = await startConsumer('strict', () => Outcome.processed());

    await publish(sampleComplaintReceived(), 'garbage-1', new TextEncoder().encode('{"not":"an envelope"}'));

    const deadLetter = await waitFor('the dead letter', () => firstDeadLetter('strict'));
    expect(deadLetter.headers?.get('Dead-Letter-Reason')).toMatch(/invalid envelope/);
    expect(seen).toHaveLength(0);
  });

  it('acknowledges the events of its stream it does not handle without reading them', async () => {
    const seen = await startConsumer('receipts-only', () => Outcome.processed());
    const acknowledged = createEvent(ComplaintAcknowledgedV1, {
      complaintId: sampleComplaintReceived().complaintId,
      actor: { kind: 'client', id: 'agent' },
      data: {
        policyId: 'mimo',
        policyVersion: 1,
        reference: 'MIMO-2026-000001',
        kind: 'complaint',
        status: 'acknowledged',
        previousStatus: 'received',
      },
    });
    const receipt = sampleComplaintReceived();

    await publish(acknowledged);
    await publish(receipt);

    await waitFor('the receipt', () => seen.length === 1);
    expect(seen.map((event) => event.type)).toEqual(['complaint.received']);
    const jsm = await fixture.nats.jetstreamManager();
    const pending = async () =>
      (await jsm.consumers.info(fixture.topology.streamName(STREAMS.complaints), 'receipts-only'))
        .num_ack_pending;
    await waitFor('both acknowledged', async () => (await pending()) === 0);
  });

  it('purges inbox records once the streams can no longer redeliver their events', async () => {
    const event = sampleComplaintReceived();
    const seen = await startConsumer('housekeeping', () => Outcome.processed());
    await publish(event);
    await waitFor(
      'the delivery',
      async () => seen.length === 1 && (await effectsFor('housekeeping', event.id)) === 1,
    );
    const inbox = `${SCHEMA}.inbox`;
    await executeSql(
      fixture.orm.em.fork(),
      `insert into ${inbox} (consumer, event_id, event_type, processed_at) values (?, ?, ?, ?), (?, ?, ?, ?)`,
      [
        'housekeeping',
        uuidv7(),
        'complaint.received',
        new Date(Date.now() - 40 * 86_400_000),
        'someone-else',
        uuidv7(),
        'complaint.received',
        new Date(Date.now() - 40 * 86_400_000),
      ],
    );

    // Thirty-five days: past the streams' thirty-day retention, with a margin.
    expect(await host.purgeInbox(new Date(), 1)).toBe(1);
    const left = await executeSql<{ consumer: string; event_id: string }>(
      fixture.orm.em.fork(),
      `select consumer, event_id from ${inbox} order by consumer`,
    );
    // The recent record stays, and so does the record of a consumer this host does not run.
    expect(left.map((row) => row.consumer)).toEqual(['housekeeping', 'someone-else']);
    expect(left[0]?.event_id).toBe(event.id);
  });

  /** A receipt of the given complaint, distinct from every other. */
  const receiptOf = (complaintId: string): Receipt =>
    ({ ...sampleComplaintReceived(), id: uuidv7(), complaintId }) as Receipt;

  /** A promise the test resolves when it chooses. */
  function gate(): { promise: Promise<void>; open: () => void } {
    let open = () => undefined as void;
    const promise = new Promise<void>((resolve) => (open = resolve));
    return { promise, open };
  }

  describe('with concurrency', () => {
    it('handles events of different complaints at once', async () => {
      const allIn = gate();
      let inside = 0;
      await startConsumer(
        'overlaps',
        async () => {
          inside += 1;
          if (inside === 4) allIn.open();
          // Each handler waits until four are inside at once: one at a time, none would leave.
          await allIn.promise;
          return Outcome.processed();
        },
        5,
        { concurrency: 4, ackWaitMs: 10_000 },
      );

      const events = [uuidv7(), uuidv7(), uuidv7(), uuidv7()].map(receiptOf);
      for (const event of events) await publish(event);

      await waitFor(
        'four handlers inside at once, then every effect',
        async () => {
          const effects = await Promise.all(events.map((event) => effectsFor('overlaps', event.id)));
          return effects.every((n) => n === 1);
        },
        15_000,
      );
    }, 30_000);

    it("keeps each complaint's events in stream order while complaints overlap", async () => {
      const complaints = [uuidv7(), uuidv7(), uuidv7()];
      const events = Array.from({ length: 30 }, (_, i) => receiptOf(complaints[i % 3] as string));
      let inside = 0;
      let most = 0;
      const handled: Receipt[] = [];
      // All on the stream before the consumer starts, so it has plenty in hand to overlap.
      for (const event of events) await publish(event);
      await startConsumer(
        'ordered',
        async (event) => {
          inside += 1;
          most = Math.max(most, inside);
          // Later events of a complaint take less time: handled unordered, they would overtake.
          await new Promise((resolve) =>
            setTimeout(resolve, 40 - events.findIndex((e) => e.id === event.id)),
          );
          handled.push(event);
          inside -= 1;
          return Outcome.processed();
        },
        5,
        { concurrency: 8 },
      );

      await waitFor('all thirty', () => handled.length === 30, 15_000);
      for (const complaint of complaints) {
        expect(handled.filter((e) => e.complaintId === complaint).map((e) => e.id)).toEqual(
          events.filter((e) => e.complaintId === complaint).map((e) => e.id),
        );
      }
      // Never more than one per complaint at once, and the three did overlap.
      expect(most).toBe(3);
    }, 30_000);

    it('goes on with other complaints while one complaint’s handler is stuck or failing', async () => {
      const stuck = gate();
      const [held, failing, ...others] = [uuidv7(), uuidv7(), uuidv7(), uuidv7(), uuidv7()].map(receiptOf);
      await startConsumer(
        'unblocked',
        async (event) => {
          if (event.id === held?.id) await stuck.promise;
          if (event.id === failing?.id) throw new Error('downstream is broken');
          return Outcome.processed();
        },
        2,
        { concurrency: 3, ackWaitMs: 10_000 },
      );

      for (const event of [held, failing, ...others]) await publish(event as Receipt);

      await waitFor(
        'the other complaints processed, the failing one dead-lettered',
        async () => {
          const effects = await Promise.all(others.map((event) => effectsFor('unblocked', event.id)));
          return effects.every((n) => n === 1) && (await firstDeadLetter('unblocked')) !== undefined;
        },
        20_000,
      );
      expect(await effectsFor('unblocked', held?.id as string)).toBe(0);
      stuck.open();
      await waitFor(
        'the held one too',
        async () => (await effectsFor('unblocked', held?.id as string)) === 1,
      );
    }, 30_000);

    it('finishes and acknowledges the events in hand when stopped', async () => {
      const stuck = gate();
      const entered = gate();
      const events = [uuidv7(), uuidv7()].map(receiptOf);
      await startConsumer(
        'drains',
        async () => {
          entered.open();
          await stuck.promise;
          return Outcome.processed();
        },
        5,
        { concurrency: 2, ackWaitMs: 10_000 },
      );
      for (const event of events) await publish(event);
      await entered.promise;

      let stopped = false;
      const stopping = host.stop().then(() => (stopped = true));
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(stopped).toBe(false);
      stuck.open();
      await stopping;

      expect(await Promise.all(events.map((event) => effectsFor('drains', event.id)))).toEqual([1, 1]);
      expect(await ackPending('drains')).toBe(0);
    }, 30_000);
  });

  describe('in batches', () => {
    /** Records each batch's size and every event's effect, as one consumer's batch handler would, in its transaction. */
    function batching(
      durable: string,
      batches: number[],
      poison?: string,
    ): Partial<EventConsumer<typeof RECEIPTS>> {
      return {
        batch: { maxEvents: 5, maxWaitMs: 50 },
        handleBatch: async (events, tx) => {
          for (const event of events) {
            await executeSql(tx, `insert into ${SCHEMA}.effects (event_id, consumer) values (?, ?)`, [
              event.id,
              durable,
            ]);
          }
          if (events.some((event) => event.id === poison)) throw new Error('a poison event in the batch');
          batches.push(events.length);
          return Outcome.processed();
        },
      };
    }

    it('commits several events per transaction and acknowledges each once committed', async () => {
      const batches: number[] = [];
      const seenAlone = await startConsumer(
        'batches',
        () => Outcome.processed(),
        5,
        batching('batches', batches),
      );
      const events = Array.from({ length: 12 }, () => receiptOf(uuidv7()));
      for (const event of events) await publish(event);

      await waitFor(
        'every effect',
        async () => (await Promise.all(events.map((e) => effectsFor('batches', e.id)))).every((n) => n === 1),
        15_000,
      );
      await waitFor('every acknowledgement', async () => (await ackPending('batches')) === 0);
      expect(batches.reduce((sum, n) => sum + n, 0)).toBe(12);
      expect(Math.max(...batches)).toBeGreaterThan(1);
      expect(Math.max(...batches)).toBeLessThanOrEqual(5);
      expect(seenAlone).toHaveLength(0);
    }, 30_000);

    it('handles a batch with a poison event one by one: the poison is dead-lettered, the others commit once', async () => {
      const batches: number[] = [];
      const events = Array.from({ length: 5 }, () => receiptOf(uuidv7()));
      const poison = events[2]?.id;
      const seenAlone = await startConsumer(
        'poisoned',
        (event) => (event.id === poison ? Outcome.reject('this one is poison') : Outcome.processed()),
        5,
        batching('poisoned', batches, poison),
      );
      for (const event of events) await publish(event);

      const deadLetter = await waitFor('the dead letter', () => firstDeadLetter('poisoned'), 15_000);
      expect(JSON.parse(new TextDecoder().decode(deadLetter.data)).id).toBe(poison);
      // Each failed batch is handled again event by event: slower than a batch, so more time.
      await waitFor('the others', async () => (await ackPending('poisoned')) === 0, 20_000);
      const effects = await Promise.all(events.map((event) => effectsFor('poisoned', event.id)));
      expect(effects).toEqual(events.map((event) => (event.id === poison ? 0 : 1)));
      expect(seenAlone.map((event) => event.id)).toContain(poison);
    }, 30_000);

    it('processes an event redelivered within a batch, or after it, once', async () => {
      const batches: number[] = [];
      await startConsumer('batch-twice', () => Outcome.processed(), 5, batching('batch-twice', batches));
      const event = receiptOf(uuidv7());
      await publish(event);
      await publish(event, `${event.id}-again`);
      await waitFor(
        'both handled',
        async () =>
          (await ackPending('batch-twice')) === 0 && (await effectsFor('batch-twice', event.id)) === 1,
        15_000,
      );
      await publish(event, `${event.id}-later`);
      await waitFor('the late one acknowledged', async () => (await ackPending('batch-twice')) === 0);
      expect(await effectsFor('batch-twice', event.id)).toBe(1);
      expect(batches.reduce((sum, n) => sum + n, 0)).toBe(1);
    }, 30_000);

    it('refuses a batch size without a batch handler', () => {
      const half = {
        durable: 'half',
        events: RECEIPTS,
        batch: { maxEvents: 5, maxWaitMs: 10 },
        handle: async () => Outcome.processed(),
      };
      expect(() => host.register(half)).toThrow('consumer half needs both batch and handleBatch, or neither');
    }, 30_000);
  });

  it('refuses a consumer whose events are on two streams', () => {
    const mixed = {
      durable: 'mixed',
      events: [ComplaintReceivedV1, { ...ComplaintAcknowledgedV1, stream: STREAMS.sla }],
      handle: async () => Outcome.processed(),
    };
    expect(() => host.register(mixed)).toThrow('consumer mixed mixes streams COMPLAINTS and SLA');
  });

  async function firstDeadLetter(durable: string) {
    const jsm = await fixture.nats.jetstreamManager();
    await ensureDeadLetterStream(jsm, fixture.topology);
    const stream = fixture.topology.streamName(DEAD_LETTER_STREAM);
    const subject = fixture.topology.deadLetterSubject(
      fixture.topology.streamName(STREAMS.complaints),
      durable,
    );
    const info = await jsm.streams.info(stream);
    if (info.state.messages === 0) return undefined;
    const name = `reader_${durable.replace(/-/g, '_')}_${Date.now()}`;
    await jsm.consumers.add(stream, {
      name,
      ack_policy: AckPolicy.None,
      deliver_policy: DeliverPolicy.All,
      filter_subject: subject,
      inactive_threshold: 5e9,
    });
    const consumer = await fixture.nats.jetstream().consumers.get(stream, name);
    return (await consumer.next({ expires: 1000 })) ?? undefined;
  }
});
