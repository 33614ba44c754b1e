import { Envelope, EventContract } from '@complaints/contracts';
import { Outbox, OutboxEntry, OutboxRelay } from '@complaints/messaging';
import { EntityManager, MikroORM } from '@mikro-orm/postgresql';

export interface EventSink {
  /** Records an event in the outbox of the running transaction. */
  append(contract: EventContract, event: Envelope): Promise<void>;
  /** Records several events with one statement. */
  appendAll(entries: readonly OutboxEntry[]): Promise<void>;
  /** Records an already published event to be published again under its id (see `Outbox.requeue`). */
  republish(contract: EventContract, event: Envelope): Promise<void>;
}

/**
 * One transaction for a state change and the events it causes. After COMMIT the relay is
 * woken so events leave within milliseconds rather than at the next poll.
 */
export class UnitOfWork {
  constructor(
    private readonly orm: MikroORM,
    private readonly outbox: Outbox,
    private readonly relay: OutboxRelay,
  ) {}

  async run<T>(work: (tx: EntityManager, events: EventSink) => Promise<T>): Promise<T> {
    let appended = 0;
    const result = await this.orm.em.fork().transactional((tx) =>
      work(tx, {
        append: async (contract, event) => {
          await this.outbox.append(tx, contract, event);
          appended += 1;
        },
        appendAll: async (entries) => {
          await this.outbox.appendAll(tx, entries);
          appended += entries.length;
        },
        republish: async (contract, event) => {
          await this.outbox.requeue(tx, contract, event);
          appended += 1;
        },
      }),
    );
    if (appended > 0) this.relay.notify();
    return result;
  }
}
