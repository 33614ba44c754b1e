import { DEAD_LETTER_STREAM, Envelope, EventContract } from '@complaints/contracts';
import { MikroORM } from '@mikro-orm/postgresql';
import { JetStreamClient, JetStreamManager } from 'nats';
import { DeadLetterCount, deadLetterBacklog } from './dead-letter-metrics';
import { ConsumerProgress, readConsumerProgress } from './consumer-progress';
import { DurableEventConsumer, HandlerResult, consumerFilterSubject } from './durable-consumer';
import { ConsumedEvent, ConsumerOutcome, EventConsumer } from './event-consumer';
import { EventSink, TransactionEventSink } from './event-sink';
import { Inbox } from './inbox';
import { decodeEvent } from './event-decoding';
import { readDeadLetter } from './dead-letters';
import { STREAM_RETENTION_MS } from './jetstream-streams';
import { MessagingLogger } from './messaging-logger';
import { Outbox } from './outbox';
import { OutboxRelay } from './outbox-relay';
import { Topology } from './topology';
import { isTransientFailure } from './transient-failure';

export interface EventConsumerHostOptions {
  readonly orm: MikroORM;
  /** The service's schema, which holds its inbox (and outbox). */
  readonly schema: string;
  readonly js: JetStreamClient;
  readonly jsm: JetStreamManager;
  readonly topology: Topology;
  readonly logger: MessagingLogger;
  /**
   * The outbox handlers publish through, and its relay, woken after each processed event so
   * what a handler published leaves now rather than at the next poll. Absent for a service
   * that publishes nothing.
   */
  readonly publishing?: { readonly outbox: Outbox; readonly relay: OutboxRelay };
}

const INBOX_MARGIN_MS = 5 * 24 * 60 * 60 * 1000;

/** What a replayed dead letter came to; `processed` and `duplicate` removed it from the dead letters. */
export type ReplayOutcome =
  | { readonly outcome: 'processed' | 'duplicate'; readonly consumer: string }
  | { readonly outcome: 'not_found' }
  | { readonly outcome: 'rejected'; readonly consumer: string; readonly reason: string };

/** Carries a `retry` or `reject` out of the inbox transaction, so that it rolls back. */
class NotProcessed extends Error {
  constructor(readonly outcome: Exclude<ConsumerOutcome, { kind: 'processed' }>) {
    super(outcome.reason);
  }
}

const publishesNothing = async (): Promise<never> => {
  throw new Error('this service publishes no events: list its streams in ServiceCoreModule `publishes`');
};
const NO_EVENTS: EventSink = { publish: publishesNothing, publishAll: publishesNothing, republish: publishesNothing };

/**
 * Runs a service's durable consumers. Every handler is wrapped in the inbox, so no
 * service can forget idempotency: a redelivered event is acknowledged and skipped.
 */
export class EventConsumerHost {
  private readonly consumers: EventConsumer[] = [];
  private readonly running: DurableEventConsumer[] = [];

  constructor(private readonly options: EventConsumerHostOptions) {}

  register<Cs extends readonly EventContract[]>(consumer: EventConsumer<Cs>): void {
    if (this.consumers.some((c) => c.durable === consumer.durable)) {
      throw new Error(`consumer ${consumer.durable} is registered twice`);
    }
    const [first, ...others] = consumer.events;
    if (!first) throw new Error(`consumer ${consumer.durable} handles no event`);
    const elsewhere = others.find((contract) => contract.stream.name !== first.stream.name);
    if (elsewhere) {
      throw new Error(`consumer ${consumer.durable} mixes streams ${first.stream.name} and ${elsewhere.stream.name}`);
    }
    if ((consumer.batch === undefined) !== (consumer.handleBatch === undefined)) {
      throw new Error(`consumer ${consumer.durable} needs both batch and handleBatch, or neither`);
    }
    this.consumers.push(consumer as unknown as EventConsumer);
  }

  async start(): Promise<void> {
    for (const consumer of this.consumers) {
      const { js, jsm, topology, logger, schema } = this.options;
      const inbox = new Inbox(schema, consumer.durable);
      const durable = new DurableEventConsumer(js, jsm, topology, logger, {
        durable: consumer.durable,
        events: consumer.events,
        ackWaitMs: consumer.ackWaitMs,
        maxDeliver: consumer.maxDeliver,
        concurrency: consumer.concurrency,
        handle: (event) => this.process(inbox, consumer, event),
        batch: consumer.batch && { ...consumer.batch, handle: (events) => this.processBatch(inbox, consumer, events) },
      });
      await durable.start();
      this.running.push(durable);
    }
  }

  /**
   * Deletes every consumer's inbox records older than the streams keep messages, with a few
   * days' margin, in batches; returns how many. A record is what makes a redelivery harmless,
   * and no redelivery can come from a message the stream no longer has.
   */
  async purgeInbox(now = new Date(), batch = 5_000): Promise<number> {
    const before = new Date(now.getTime() - STREAM_RETENTION_MS - INBOX_MARGIN_MS);
    let purged = 0;
    for (const consumer of this.consumers) {
      const inbox = new Inbox(this.options.schema, consumer.durable);
      for (let deleted = batch; deleted === batch; purged += deleted) {
        deleted = await inbox.purgeProcessedBefore(this.options.orm.em.fork(), before, batch);
      }
    }
    return purged;
  }

  /**
   * Hands the dead letter at `seq` once more to the one consumer of this service that gave up
   * on it, through its inbox like any delivery (ADR 0008): no other consumer sees it again. Its
   * inbox holds no row for it (giving up rolled the transaction back), so it is handled now, and
   * a second replay of the same event is a `duplicate`. Handled, it leaves the dead letters; a
   * handler that still rejects or fails leaves it there, and the outcome says why.
   */
  async replayDeadLetter(seq: number): Promise<ReplayOutcome> {
    const { jsm, topology, schema } = this.options;
    const message = await readDeadLetter(jsm, topology, seq);
    const consumer = message && this.consumers.find((candidate) => candidate.durable === message.header?.get('Original-Consumer'));
    if (!consumer) return { outcome: 'not_found' };
    const decoded = decodeEvent(message.data, consumer.events);
    if (!('envelope' in decoded)) {
      return { outcome: 'rejected', consumer: consumer.durable, reason: 'problem' in decoded ? decoded.problem : 'not an event this consumer handles' };
    }
    let result: HandlerResult;
    try {
      result = await this.process(new Inbox(schema, consumer.durable), consumer, decoded.envelope);
    } catch (error) {
      // A dependency that is away fails the request (ask again later); a handler that still
      // fails on this event is the operator's answer, like a rejection.
      if (isTransientFailure(error)) throw error;
      return { outcome: 'rejected', consumer: consumer.durable, reason: String((error as Error).message ?? error) };
    }
    if (result.outcome === 'processed' || result.outcome === 'duplicate') {
      await jsm.streams.deleteMessage(topology.streamName(DEAD_LETTER_STREAM), seq, false);
      return { outcome: result.outcome, consumer: consumer.durable };
    }
    return { outcome: 'rejected', consumer: consumer.durable, reason: result.reason ?? result.outcome };
  }

  /**
   * How far one of this service's consumers has got through its stream: whether every message
   * stored before some instant has been processed (`readConsumerProgress`).
   */
  async progressOf(durable: string): Promise<ConsumerProgress> {
    const consumer = this.consumers.find((candidate) => candidate.durable === durable);
    const [first] = consumer?.events ?? [];
    if (!consumer || !first) throw new Error(`no consumer ${durable} is registered`);
    const { jsm, topology } = this.options;
    return readConsumerProgress(jsm, {
      stream: topology.streamName(first.stream),
      durable,
      filterSubject: consumerFilterSubject(topology, consumer.events),
    });
  }

  /** Dead letters waiting for each of this service's consumers (`messaging_dead_letter_backlog`). */
  deadLetterBacklog(): Promise<DeadLetterCount[]> {
    const { jsm, topology } = this.options;
    return deadLetterBacklog(jsm, topology, this.consumers.map((consumer) => consumer.durable));
  }

  async stop(): Promise<void> {
    await Promise.all(this.running.splice(0).map((consumer) => consumer.stop()));
  }

  private async process(inbox: Inbox, consumer: EventConsumer, event: ConsumedEvent<readonly EventContract[]>): Promise<HandlerResult> {
    try {
      const { orm, publishing } = this.options;
      const result = await inbox.processOnce(orm.em, event, async (tx) => {
        const events = publishing ? new TransactionEventSink(publishing.outbox, tx) : NO_EVENTS;
        const outcome = await consumer.handle(event, tx, events);
        if (outcome.kind !== 'processed') throw new NotProcessed(outcome);
        return outcome;
      });
      if (result.status === 'duplicate') return { outcome: 'duplicate' };
      publishing?.relay.notify();
      result.value.afterCommit?.();
      return { outcome: 'processed' };
    } catch (error) {
      if (!(error instanceof NotProcessed)) throw error;
      return { outcome: error.outcome.kind, reason: error.outcome.reason };
    }
  }

  /** A batch in one inbox transaction; throws (rolling it all back) unless every new event was processed. */
  private async processBatch(inbox: Inbox, consumer: EventConsumer, batch: readonly Envelope[]): Promise<void> {
    const { orm, publishing } = this.options;
    const outcome = await inbox.processAllOnce(orm.em, batch, async (tx, fresh) => {
      if (fresh.length === 0 || !consumer.handleBatch) return undefined;
      const events = publishing ? new TransactionEventSink(publishing.outbox, tx) : NO_EVENTS;
      const result = await consumer.handleBatch(fresh as ConsumedEvent<readonly EventContract[]>[], tx, events);
      if (result.kind !== 'processed') throw new NotProcessed(result);
      return result;
    });
    if (!outcome) return;
    publishing?.relay.notify();
    outcome.afterCommit?.();
  }
}
