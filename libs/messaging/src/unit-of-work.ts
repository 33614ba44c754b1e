import { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { EventSink, TransactionEventSink } from './event-sink';
import { Outbox } from './outbox';
import { OutboxRelay } from './outbox-relay';

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
    let sink: TransactionEventSink | undefined;
    const result = await this.orm.em.fork().transactional((tx) => {
      sink = new TransactionEventSink(this.outbox, tx);
      return work(tx, sink);
    });
    if (sink && sink.count > 0) this.relay.notify();
    return result;
  }
}
