import { DEAD_LETTER_STREAM, Envelope, EventContract, STREAMS, StreamDefinition, findEventContract } from '@complaints/contracts';
import {
  JetStreamEventPublisher,
  PublishResult,
  Topology,
  connectNats,
  ensureStream,
} from '@complaints/messaging';
import { NatsConnection } from 'nats';

/**
 * The JetStream of one test namespace as other services use it: a test publishes what a
 * producer would and asks what a consumer has acknowledged, over a connection of its own.
 */
export class TestBus {
  private readonly ensuredStreams = new Set<string>();

  private constructor(
    private readonly nats: NatsConnection,
    readonly topology: Topology,
  ) {}

  static async connect(natsUrl: string, namespace: string): Promise<TestBus> {
    return new TestBus(await connectNats({ natsUrl, serviceName: `test-bus-${namespace}` }), new Topology(namespace));
  }

  /**
   * Publishes an event exactly as its producer's outbox relay does: on its contract's
   * subject, with the event id as `Nats-Msg-Id`. The stream is created first, as the
   * producer would have at its start.
   */
  async publish(event: Envelope): Promise<PublishResult> {
    const contract = contractOf(event);
    await this.ensureStream(contract.stream);
    return new JetStreamEventPublisher(this.nats.jetstream()).publish({
      subject: this.topology.eventSubject(contract),
      envelope: event,
    });
  }

  /**
   * The same event as a new message, as when an outbox is replayed after JetStream's
   * duplicate window: only the consumer's inbox can tell it was processed. Returns its
   * stream sequence.
   */
  async republish(event: Envelope): Promise<number> {
    const ack = await this.nats
      .jetstream()
      .publish(this.topology.eventSubject(contractOf(event)), JSON.stringify(event));
    return ack.seq;
  }

  /** Whether a durable consumer has acknowledged every message up to `sequence` of its stream. */
  async acknowledged(stream: StreamDefinition, durable: string, sequence: number): Promise<boolean> {
    const jsm = await this.nats.jetstreamManager();
    const info = await jsm.consumers.info(this.topology.streamName(stream), durable);
    return info.ack_floor.stream_seq >= sequence;
  }

  /** Every durable consumer on the namespace's streams, each with its stream's contract name (`COMPLAINTS`). */
  async durableConsumers(): Promise<{ stream: string; durable: string }[]> {
    const jsm = await this.nats.jetstreamManager();
    const existing = new Set<string>();
    for await (const name of jsm.streams.names()) existing.add(name);
    const found: { stream: string; durable: string }[] = [];
    for (const stream of [...Object.values(STREAMS), DEAD_LETTER_STREAM]) {
      if (!existing.has(this.topology.streamName(stream))) continue;
      for await (const consumer of jsm.consumers.list(this.topology.streamName(stream))) {
        if (consumer.config.durable_name) found.push({ stream: stream.name, durable: consumer.config.durable_name });
      }
    }
    return found;
  }

  /** How many messages a stream holds. */
  async messageCount(stream: StreamDefinition): Promise<number> {
    const jsm = await this.nats.jetstreamManager();
    return (await jsm.streams.info(this.topology.streamName(stream))).state.messages;
  }

  close(): Promise<void> {
    return this.nats.close();
  }

  private async ensureStream(stream: StreamDefinition): Promise<void> {
    if (this.ensuredStreams.has(stream.name)) return;
    await ensureStream(await this.nats.jetstreamManager(), this.topology, stream);
    this.ensuredStreams.add(stream.name);
  }
}

function contractOf(event: Envelope): EventContract {
  const contract = findEventContract(event.type, event.version);
  if (!contract) throw new Error(`no contract for ${event.type} v${event.version}`);
  return contract;
}
