import { EventContract } from '@complaints/contracts';
import { MikroORM } from '@mikro-orm/postgresql';
import { JetStreamClient, JetStreamManager } from 'nats';
import { DurableEventConsumer, HandlerResult } from './durable-consumer';
import { ConsumedEvent, ConsumerOutcome, EventConsumer } from './event-consumer';
import { EventSink, TransactionEventSink } from './event-sink';
import { Inbox } from './inbox';
import { STREAM_RETENTION_MS } from './jetstream-streams';
import { MessagingLogger } from './messaging-logger';
import { Outbox } from './outbox';
import { OutboxRelay } from './outbox-relay';
import { Topology } from './topology';

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
        handle: (event) => this.process(inbox, consumer, event),
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
}
