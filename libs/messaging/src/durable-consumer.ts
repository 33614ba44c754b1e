import { Envelope, EventContract } from '@complaints/contracts';
import { COMPLAINT_ATTRIBUTES, withSpan } from '@complaints/telemetry';
import { Attributes, Link, Span, SpanKind, SpanStatusCode, metrics, trace } from '@opentelemetry/api';
import {
  AckPolicy,
  ConsumerMessages,
  DeliverPolicy,
  JetStreamClient,
  JetStreamManager,
  JsMsg,
  headers as createHeaders,
  nanos,
} from 'nats';
import { Batcher } from './batcher';
import { deadLetterLabels } from './dead-letter-metrics';
import { decodeEvent } from './event-decoding';
import { ensureDeadLetterStream, ensureStream, isNotFound } from './jetstream-streams';
import { KeyedLanes } from './keyed-lanes';
import { MessagingLogger } from './messaging-logger';
import { retryTransient } from './retry-transient';
import { Topology } from './topology';
import { isTransientFailure } from './transient-failure';
import { extractTraceContext } from './trace-context';

/** What became of a delivered event; the consumer turns it into ack, nak or term. */
export interface HandlerResult {
  readonly outcome: 'processed' | 'duplicate' | 'retry' | 'reject';
  readonly reason?: string;
}

export interface DurableConsumerOptions {
  /** Durable name: the consumer's identity on the stream and in the inbox. */
  readonly durable: string;
  /** The events handed to `handle`, all on one stream; the stream's other events are acknowledged unread. */
  readonly events: readonly EventContract[];
  /** Must exceed the slowest handler; long handlers also send in-progress heartbeats. */
  readonly ackWaitMs?: number;
  readonly maxDeliver?: number;
  /**
   * Events handled at once (default 1). Events of one complaint (`complaintId`) are still
   * handled one after another, in the order they were delivered.
   */
  readonly concurrency?: number;
  /** Receives the envelope with its data already parsed against its contract. */
  readonly handle: (event: Envelope) => Promise<HandlerResult>;
  /**
   * Events handed over in batches instead, one batch at a time in stream order: up to
   * `maxEvents`, or what has come `maxWaitMs` after a batch's first event. `handle` resolves
   * once the whole batch is committed (each event is then acknowledged); if it throws for a
   * cause of the batch's own, each event is handled alone by `handle` above, so one poison
   * event cannot hold back the others.
   */
  readonly batch?: BatchOptions;
}

export interface BatchOptions {
  readonly maxEvents: number;
  readonly maxWaitMs: number;
  readonly handle: (events: readonly Envelope[]) => Promise<void>;
}

/** A message and its parsed event, waiting for its turn. */
interface Delivery {
  readonly message: JsMsg;
  readonly envelope: Envelope;
}

/** Where decoded events go: one by one in lanes, or in batches. */
interface Hand {
  add(delivery: Delivery): Promise<void>;
  /** Resolves once everything added is settled. */
  drain(): Promise<void>;
}

/**
 * A durable JetStream pull consumer with explicit acks. A failure of a dependency (the
 * database failing over, a connection dropped) is retried with back-off for as long as it
 * lasts; a failure that is the event's own is retried up to `maxDeliver` times, then the event
 * is copied to the dead-letter stream and terminated, so one poison message never blocks the rest.
 */
export class DurableEventConsumer {
  private readonly ackWaitMs: number;
  private readonly maxDeliver: number;
  private messages: ConsumerMessages | undefined;
  private loop: Promise<void> | undefined;

  constructor(
    private readonly js: JetStreamClient,
    private readonly jsm: JetStreamManager,
    private readonly topology: Topology,
    private readonly logger: MessagingLogger,
    private readonly options: DurableConsumerOptions,
  ) {
    this.ackWaitMs = options.ackWaitMs ?? 30_000;
    this.maxDeliver = options.maxDeliver ?? 5;
    const [first] = options.events;
    if (!first) throw new Error(`consumer ${options.durable} handles no event`);
    this.stream = first.stream;
  }

  private readonly stream: EventContract['stream'];

  get streamName(): string {
    return this.topology.streamName(this.stream);
  }

  async start(): Promise<void> {
    const consumer = await retryTransient(
      `setting up consumer ${this.options.durable}`,
      async () => {
        await ensureStream(this.jsm, this.topology, this.stream);
        await ensureDeadLetterStream(this.jsm, this.topology);
        await this.ensureConsumer();
        return this.js.consumers.get(this.streamName, this.options.durable);
      },
      this.logger,
    );
    const { batch } = this.options;
    // Enough buffered for a whole batch to gather while the one before is written.
    this.messages = await consumer.consume({ max_messages: Math.max(64, 2 * (batch?.maxEvents ?? 0)) });
    const messages = this.messages;
    const hand = batch ? this.batched(batch) : this.inLanes(this.options.concurrency ?? 1);
    this.loop = (async () => {
      for await (const message of messages) {
        await this.unlessUnsettled(message, async () => {
          const decoded = decodeEvent(message.data, this.options.events);
          if ('problem' in decoded) await this.deadLetter(message, decoded.problem);
          else if ('unhandled' in decoded) await message.ackAck();
          else await hand.add({ message, envelope: decoded.envelope });
        });
      }
      await hand.drain();
    })();
  }

  /** Stops taking messages and resolves once every event already taken is settled. */
  async stop(): Promise<void> {
    await this.messages?.close();
    await this.loop;
  }

  /** Each event on its own, `concurrency` at once, a complaint's events in order. */
  private inLanes(concurrency: number): Hand {
    const lanes = new KeyedLanes(concurrency, (error) =>
      this.logger.error({ err: error }, 'event handling failed outside its handler'),
    );
    return {
      add: (delivery) =>
        lanes.submit(delivery.envelope.complaintId ?? `seq:${delivery.message.seq}`, () =>
          this.unlessUnsettled(delivery.message, () => this.deliver(delivery)),
        ),
      drain: () => lanes.drain(),
    };
  }

  private batched(options: BatchOptions): Hand {
    const batcher = new Batcher<Delivery>(options.maxEvents, options.maxWaitMs, (deliveries) =>
      this.deliverBatch(options, deliveries),
    );
    return { add: (delivery) => batcher.add(delivery), drain: () => batcher.flush() };
  }

  /**
   * Settling failed (an ack or a dead-letter publish while NATS reconnects): the message stays
   * unacknowledged and comes back after AckWait. The loop, and the process, go on.
   */
  private async unlessUnsettled(message: JsMsg, work: () => Promise<void>): Promise<void> {
    try {
      await work();
    } catch (error) {
      this.logger.warn(
        { err: error, subject: message.subject, seq: message.seq },
        'event could not be settled; it will be redelivered',
      );
    }
  }

  private async ensureConsumer(): Promise<void> {
    const settings = {
      ack_wait: nanos(this.ackWaitMs),
      // JetStream itself never gives up: a dependency's outage may outlast any count. The
      // consumer applies `maxDeliver` to the failures that are the event's own (settle).
      max_deliver: -1,
      max_ack_pending: 1000,
    };
    try {
      await this.jsm.consumers.info(this.streamName, this.options.durable);
      await this.jsm.consumers.update(this.streamName, this.options.durable, settings);
    } catch (error) {
      if (!isNotFound(error)) throw error;
      await this.jsm.consumers.add(this.streamName, {
        ...settings,
        durable_name: this.options.durable,
        ack_policy: AckPolicy.Explicit,
        deliver_policy: DeliverPolicy.All,
        filter_subject: consumerFilterSubject(this.topology, this.options.events),
      });
    }
  }

  /**
   * One batch in one go, each event acknowledged once it committed. A dependency's failure
   * sends them all back with back-off; any other failure has each handled alone, so what
   * failed is settled by itself (retried, dead-lettered) and the others go through.
   */
  private async deliverBatch(options: BatchOptions, deliveries: readonly Delivery[]): Promise<void> {
    const heartbeat = this.heartbeat(deliveries.map((delivery) => delivery.message));
    // Each event's trace goes on in this service too (a complaint is traced end to end): a span
    // per event, in its own trace, for as long as its batch takes.
    const eventSpans = deliveries.map(({ message, envelope }) =>
      trace
        .getTracer('messaging')
        .startSpan(
          `process ${envelope.type}`,
          { kind: SpanKind.CONSUMER, attributes: this.eventAttributes(message, envelope) },
          extractTraceContext(message.headers),
        ),
    );
    const endEventSpans = (error?: unknown): void =>
      eventSpans.forEach((span: Span) => {
        if (error)
          span.setStatus({ code: SpanStatusCode.ERROR, message: String((error as Error).message ?? error) });
        span.end();
      });
    try {
      await withSpan(
        'messaging',
        'process batch',
        {
          kind: SpanKind.CONSUMER,
          // Each event's own trace goes on through a link, as one span cannot have many parents.
          links: deliveries.flatMap(({ message }): Link[] => {
            const context = trace.getSpanContext(extractTraceContext(message.headers));
            return context ? [{ context }] : [];
          }),
          attributes: {
            'messaging.system': 'nats',
            'messaging.consumer.group.name': this.options.durable,
            'messaging.batch.message_count': deliveries.length,
          },
        },
        () => options.handle(deliveries.map((delivery) => delivery.envelope)),
      );
    } catch (error) {
      clearInterval(heartbeat);
      endEventSpans(error);
      const transient = isTransientFailure(error);
      this.logger.warn(
        { err: error, consumer: this.options.durable, events: deliveries.length, transient },
        transient
          ? 'event batch failed on a dependency; retrying until it is back'
          : 'event batch failed; handling its events one by one',
      );
      for (const delivery of deliveries) {
        await this.unlessUnsettled(delivery.message, async () => {
          if (transient) delivery.message.nak(backoffMs(delivery.message.info.deliveryCount));
          else await this.deliver(delivery);
        });
      }
      return;
    }
    clearInterval(heartbeat);
    endEventSpans();
    await Promise.all(
      deliveries.map(({ message }) =>
        this.unlessUnsettled(message, () => message.ackAck().then(() => undefined)),
      ),
    );
  }

  /** Tells JetStream the messages are still being worked on, so AckWait does not run out. */
  private heartbeat(messages: readonly JsMsg[]): ReturnType<typeof setInterval> {
    return setInterval(
      () => messages.forEach((message) => message.working()),
      Math.max(1000, this.ackWaitMs / 3),
    );
  }

  /** What a span about one event says: the consumer, the delivery, the event and its complaint. */
  private eventAttributes(message: JsMsg, envelope: Envelope): Attributes {
    return {
      'messaging.system': 'nats',
      'messaging.consumer.group.name': this.options.durable,
      'messaging.message.delivery_count': message.info.deliveryCount,
      [COMPLAINT_ATTRIBUTES.eventType]: envelope.type,
      [COMPLAINT_ATTRIBUTES.eventId]: envelope.id,
      ...(envelope.complaintId ? { [COMPLAINT_ATTRIBUTES.id]: envelope.complaintId } : {}),
    };
  }

  private async deliver({ message, envelope }: Delivery): Promise<void> {
    const heartbeat = this.heartbeat([message]);
    try {
      const result = await withSpan(
        'messaging',
        `process ${envelope.type}`,
        {
          kind: SpanKind.CONSUMER,
          parent: extractTraceContext(message.headers),
          attributes: this.eventAttributes(message, envelope),
        },
        () => this.options.handle(envelope),
      );
      if (result.outcome === 'retry') {
        this.logger.warn(
          {
            eventId: envelope.id,
            eventType: envelope.type,
            delivery: message.info.deliveryCount,
            reason: result.reason,
          },
          'event deferred',
        );
      }
      await this.settle(message, result.outcome, result.reason);
    } catch (error) {
      const transient = isTransientFailure(error);
      this.logger.warn(
        {
          err: error,
          eventId: envelope.id,
          eventType: envelope.type,
          delivery: message.info.deliveryCount,
          transient,
        },
        transient
          ? 'event handler failed on a dependency; retrying until it is back'
          : 'event handler failed',
      );
      if (transient) message.nak(backoffMs(message.info.deliveryCount));
      else await this.settle(message, 'retry', String((error as Error).message ?? error));
    } finally {
      clearInterval(heartbeat);
    }
  }

  private async settle(message: JsMsg, outcome: HandlerResult['outcome'], reason?: string): Promise<void> {
    switch (outcome) {
      case 'processed':
      case 'duplicate':
        await message.ackAck();
        return;
      case 'reject':
        await this.deadLetter(message, reason ?? `rejected by ${this.options.durable}`);
        return;
      case 'retry':
        if (message.info.deliveryCount >= this.maxDeliver) {
          await this.deadLetter(message, reason ?? 'retries exhausted');
        } else {
          message.nak(backoffMs(message.info.deliveryCount));
        }
        return;
    }
  }

  private async deadLetter(message: JsMsg, reason: string): Promise<void> {
    const headers = createHeaders();
    for (const key of message.headers?.keys() ?? []) headers.set(key, message.headers?.get(key) ?? '');
    headers.set('Dead-Letter-Reason', reason.slice(0, 500));
    headers.set('Original-Subject', message.subject);
    headers.set('Original-Consumer', this.options.durable);
    await this.js.publish(
      this.topology.deadLetterSubject(this.streamName, this.options.durable),
      message.data,
      {
        headers,
        msgID: `${this.streamName}:${message.seq}:${this.options.durable}`,
      },
    );
    // No reason on the TERM: servers before 2.10 do not read `+TERM <reason>` as a termination
    // and would redeliver the event forever. The reason travels in the dead letter's header.
    message.term();
    deadLetters.add(1, deadLetterLabels(this.options.durable, this.stream.name, message.data));
    this.logger.error({ subject: message.subject, seq: message.seq, reason }, 'event dead-lettered');
  }
}

/**
 * The subjects a consumer of `events` takes. One event: its own subject, so the server sends
 * nothing else. Several: the whole stream, since NATS 2.9 takes one filter subject per consumer.
 */
export function consumerFilterSubject(topology: Topology, events: readonly EventContract[]): string {
  const [first] = events;
  if (!first) throw new Error('a consumer handles at least one event');
  return events.length === 1 ? topology.eventSubject(first) : topology.streamSubjects(first.stream);
}

/** `messaging_dead_letters_total{consumer, stream, type}`: every event a consumer gave up on, for an alert. */
const deadLetters = metrics
  .getMeter('messaging')
  .createCounter('messaging_dead_letters_total', { description: 'Events sent to the dead-letter stream' });

/** 1 s, 2 s, 4 s, … capped at 30 s: a struggling dependency gets room to recover. */
export function backoffMs(deliveryCount: number): number {
  return Math.min(30_000, 1000 * 2 ** Math.max(0, deliveryCount - 1));
}
