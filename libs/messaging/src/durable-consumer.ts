import { Envelope, EventContract, envelopeSchema } from '@complaints/contracts';
import { COMPLAINT_ATTRIBUTES, withSpan } from '@complaints/telemetry';
import { SpanKind, metrics } from '@opentelemetry/api';
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
import { ensureDeadLetterStream, ensureStream, isNotFound } from './jetstream-streams';
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
  /** Receives the envelope with its data already parsed against its contract. */
  readonly handle: (event: Envelope) => Promise<HandlerResult>;
}

type Decoded = { envelope: Envelope } | { unhandled: true } | { problem: string };

const decoder = new TextDecoder();

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
    this.messages = await consumer.consume({ max_messages: 64 });
    const messages = this.messages;
    this.loop = (async () => {
      for await (const message of messages) {
        try {
          await this.deliver(message);
        } catch (error) {
          // Settling failed (an ack or a dead-letter publish while NATS reconnects): the message
          // stays unacknowledged and comes back after AckWait. The loop, and the process, go on.
          this.logger.warn({ err: error, subject: message.subject, seq: message.seq }, 'event could not be settled; it will be redelivered');
        }
      }
    })();
  }

  async stop(): Promise<void> {
    await this.messages?.close();
    await this.loop;
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
        filter_subject: this.filterSubject(),
      });
    }
  }

  /**
   * One event: its own subject, so the server sends nothing else. Several: the whole stream,
   * since NATS 2.9 takes one filter subject per consumer.
   */
  private filterSubject(): string {
    const { events } = this.options;
    const [only] = events;
    return events.length === 1 && only ? this.topology.eventSubject(only) : this.topology.streamSubjects(this.stream);
  }

  private async deliver(message: JsMsg): Promise<void> {
    const decoded = this.decode(message);
    if ('problem' in decoded) {
      await this.deadLetter(message, decoded.problem);
      return;
    }
    if ('unhandled' in decoded) {
      await message.ackAck();
      return;
    }
    const { envelope } = decoded;
    const heartbeat = setInterval(() => message.working(), Math.max(1000, this.ackWaitMs / 3));
    try {
      const result = await withSpan(
        'messaging',
        `process ${envelope.type}`,
        {
          kind: SpanKind.CONSUMER,
          parent: extractTraceContext(message.headers),
          attributes: {
            'messaging.system': 'nats',
            'messaging.consumer.group.name': this.options.durable,
            'messaging.message.delivery_count': message.info.deliveryCount,
            [COMPLAINT_ATTRIBUTES.eventType]: envelope.type,
            [COMPLAINT_ATTRIBUTES.eventId]: envelope.id,
            ...(envelope.complaintId ? { [COMPLAINT_ATTRIBUTES.id]: envelope.complaintId } : {}),
          },
        },
        () => this.options.handle(envelope),
      );
      if (result.outcome === 'retry') {
        this.logger.warn({ eventId: envelope.id, eventType: envelope.type, delivery: message.info.deliveryCount, reason: result.reason }, 'event deferred');
      }
      await this.settle(message, result.outcome, result.reason);
    } catch (error) {
      const transient = isTransientFailure(error);
      this.logger.warn(
        { err: error, eventId: envelope.id, eventType: envelope.type, delivery: message.info.deliveryCount, transient },
        transient ? 'event handler failed on a dependency; retrying until it is back' : 'event handler failed',
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

  private decode(message: JsMsg): Decoded {
    let json: unknown;
    try {
      json = JSON.parse(decoder.decode(message.data));
    } catch {
      return { problem: 'message is not JSON' };
    }
    const parsed = envelopeSchema.safeParse(json);
    if (!parsed.success) return { problem: `invalid envelope: ${parsed.error.issues[0]?.message ?? ''}` };
    const { type, version } = parsed.data;
    const contract = this.options.events.find((c) => c.type === type && c.version === version);
    if (!contract) {
      // A version this consumer does not know of an event it handles waits in the dead letters
      // for the upgrade that reads it; events it does not handle are none of its business.
      const handlesType = this.options.events.some((c) => c.type === type);
      return handlesType ? { problem: `unknown version ${version} of ${type}` } : { unhandled: true };
    }
    const data = contract.data.safeParse(parsed.data.data);
    if (!data.success) {
      const issue = data.error.issues[0];
      return { problem: `invalid ${parsed.data.type} data at ${issue?.path.join('.')}: ${issue?.message}` };
    }
    return { envelope: { ...parsed.data, data: data.data } };
  }

  private async deadLetter(message: JsMsg, reason: string): Promise<void> {
    const headers = createHeaders();
    for (const key of message.headers?.keys() ?? []) headers.set(key, message.headers?.get(key) ?? '');
    headers.set('Dead-Letter-Reason', reason.slice(0, 500));
    headers.set('Original-Subject', message.subject);
    headers.set('Original-Consumer', this.options.durable);
    await this.js.publish(this.topology.deadLetterSubject(this.streamName, this.options.durable), message.data, {
      headers,
      msgID: `${this.streamName}:${message.seq}:${this.options.durable}`,
    });
    message.term(reason.slice(0, 200));
    deadLetters.add(1, { consumer: this.options.durable, stream: this.stream.name });
    this.logger.error({ subject: message.subject, seq: message.seq, reason }, 'event dead-lettered');
  }
}

/** `messaging_dead_letters_total{consumer, stream}`: every event a consumer gave up on, for an alert. */
const deadLetters = metrics
  .getMeter('messaging')
  .createCounter('messaging_dead_letters_total', { description: 'Events sent to the dead-letter stream' });

/** 1 s, 2 s, 4 s, … capped at 30 s: a struggling dependency gets room to recover. */
export function backoffMs(deliveryCount: number): number {
  return Math.min(30_000, 1000 * 2 ** Math.max(0, deliveryCount - 1));
}
