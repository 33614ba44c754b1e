import { Envelope, EventContract, StreamDefinition, envelopeSchema, findEventContract } from '@complaints/contracts';
import { COMPLAINT_ATTRIBUTES, withSpan } from '@complaints/telemetry';
import { SpanKind } from '@opentelemetry/api';
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
import { extractTraceContext } from './trace-context';

/** What a handler decided; the consumer turns it into ack, nak or term. */
export type HandlerOutcome = 'processed' | 'duplicate' | 'retry' | 'reject';

export interface DeliveredEvent {
  readonly envelope: Envelope;
  readonly contract: EventContract;
  readonly deliveryCount: number;
}

export interface DurableConsumerOptions {
  readonly stream: StreamDefinition;
  /** Durable name: the consumer's identity on the stream and in the inbox. */
  readonly durable: string;
  /** Subject filter inside the stream (before the namespace); all of the stream when absent. */
  readonly filterSubject?: string;
  /** Must exceed the slowest handler; long handlers also send in-progress heartbeats. */
  readonly ackWaitMs?: number;
  readonly maxDeliver?: number;
  readonly handle: (event: DeliveredEvent) => Promise<HandlerOutcome>;
}

const decoder = new TextDecoder();

/**
 * A durable JetStream pull consumer with explicit acks. A message that keeps failing is
 * retried with back-off up to `maxDeliver` times, then copied to the dead-letter stream
 * and terminated, so one poison message never blocks the rest.
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
  }

  get streamName(): string {
    return this.topology.streamName(this.options.stream);
  }

  async start(): Promise<void> {
    const consumer = await retryTransient(
      `setting up consumer ${this.options.durable}`,
      async () => {
        await ensureStream(this.jsm, this.topology, this.options.stream);
        await ensureDeadLetterStream(this.jsm, this.topology);
        await this.ensureConsumer();
        return this.js.consumers.get(this.streamName, this.options.durable);
      },
      this.logger,
    );
    this.messages = await consumer.consume({ max_messages: 64 });
    const messages = this.messages;
    this.loop = (async () => {
      for await (const message of messages) await this.deliver(message);
    })();
  }

  async stop(): Promise<void> {
    await this.messages?.close();
    await this.loop;
  }

  private async ensureConsumer(): Promise<void> {
    const settings = {
      ack_wait: nanos(this.ackWaitMs),
      max_deliver: this.maxDeliver,
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
        filter_subject: this.options.filterSubject
          ? this.topology.subject(this.options.filterSubject)
          : this.topology.streamSubjects(this.options.stream),
      });
    }
  }

  private async deliver(message: JsMsg): Promise<void> {
    const decoded = this.decode(message);
    if ('problem' in decoded) {
      await this.deadLetter(message, decoded.problem);
      return;
    }
    const { envelope, contract } = decoded;
    const heartbeat = setInterval(() => message.working(), Math.max(1000, this.ackWaitMs / 3));
    try {
      const outcome = await withSpan(
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
        () => this.options.handle({ envelope, contract, deliveryCount: message.info.deliveryCount }),
      );
      await this.settle(message, outcome);
    } catch (error) {
      this.logger.warn(
        { err: error, eventId: envelope.id, eventType: envelope.type, delivery: message.info.deliveryCount },
        'event handler failed',
      );
      await this.settle(message, 'retry', String((error as Error).message ?? error));
    } finally {
      clearInterval(heartbeat);
    }
  }

  private async settle(message: JsMsg, outcome: HandlerOutcome, reason?: string): Promise<void> {
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

  private decode(message: JsMsg): { envelope: Envelope; contract: EventContract } | { problem: string } {
    let json: unknown;
    try {
      json = JSON.parse(decoder.decode(message.data));
    } catch {
      return { problem: 'message is not JSON' };
    }
    const parsed = envelopeSchema.safeParse(json);
    if (!parsed.success) return { problem: `invalid envelope: ${parsed.error.issues[0]?.message ?? ''}` };
    const contract = findEventContract(parsed.data.type, parsed.data.version);
    if (!contract) return { problem: `unknown event ${parsed.data.type} v${parsed.data.version}` };
    const data = contract.data.safeParse(parsed.data.data);
    if (!data.success) {
      const issue = data.error.issues[0];
      return { problem: `invalid ${parsed.data.type} data at ${issue?.path.join('.')}: ${issue?.message}` };
    }
    return { envelope: { ...parsed.data, data: data.data }, contract };
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
    this.logger.error({ subject: message.subject, seq: message.seq, reason }, 'event dead-lettered');
  }
}

/** 1 s, 2 s, 4 s, … capped at 30 s: a struggling dependency gets room to recover. */
export function backoffMs(deliveryCount: number): number {
  return Math.min(30_000, 1000 * 2 ** Math.max(0, deliveryCount - 1));
}
