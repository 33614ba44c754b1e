import { StreamDefinition } from '@complaints/contracts';
import { DeliveredEvent, DurableEventConsumer, Inbox, MessagingLogger, OutboxRelay, Topology } from '@complaints/messaging';
import { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { JetStreamClient, JetStreamManager } from 'nats';

export interface EventConsumerDefinition {
  /** Durable consumer name; also the inbox's consumer key. */
  readonly durable: string;
  readonly stream: StreamDefinition;
  readonly filterSubject?: string;
  readonly ackWaitMs?: number;
  readonly maxDeliver?: number;
  /**
   * The consumer's effect. It runs in the transaction that records the event in the inbox,
   * and may return work to do once that transaction has committed (such as waking an
   * in-memory scheduler for rows other readers can only see after COMMIT).
   */
  readonly handle: (event: DeliveredEvent, tx: EntityManager) => Promise<AfterCommitWork | void>;
}

export type AfterCommitWork = () => void;

/**
 * Runs a service's durable consumers. Every handler is wrapped in the inbox, so no
 * service can forget idempotency: a redelivered event is acknowledged and skipped.
 */
export class EventConsumerHost {
  private readonly definitions: EventConsumerDefinition[] = [];
  private readonly running: DurableEventConsumer[] = [];

  constructor(
    private readonly orm: MikroORM,
    private readonly schema: string,
    private readonly js: JetStreamClient,
    private readonly jsm: JetStreamManager,
    private readonly topology: Topology,
    private readonly logger: MessagingLogger,
    /** Woken after each processed event, so events a handler wrote leave now rather than at the next poll. */
    private readonly relay: OutboxRelay,
  ) {}

  register(definition: EventConsumerDefinition): void {
    if (this.definitions.some((d) => d.durable === definition.durable)) {
      throw new Error(`consumer ${definition.durable} is registered twice`);
    }
    this.definitions.push(definition);
  }

  async start(): Promise<void> {
    for (const definition of this.definitions) {
      const inbox = new Inbox(this.schema, definition.durable);
      const consumer = new DurableEventConsumer(this.js, this.jsm, this.topology, this.logger, {
        stream: definition.stream,
        durable: definition.durable,
        filterSubject: definition.filterSubject,
        ackWaitMs: definition.ackWaitMs,
        maxDeliver: definition.maxDeliver,
        handle: async (event) => {
          const result = await inbox.processOnce(this.orm.em, event.envelope, (tx) => definition.handle(event, tx));
          if (result.status === 'processed') {
            this.relay.notify();
            result.value?.();
          }
          return result.status;
        },
      });
      await consumer.start();
      this.running.push(consumer);
    }
  }

  async stop(): Promise<void> {
    await Promise.all(this.running.splice(0).map((consumer) => consumer.stop()));
  }
}
