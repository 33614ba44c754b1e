import { EntityManager, EventSubscriber, MikroORM, TransactionEventArgs } from '@mikro-orm/postgresql';

/**
 * Work to run once a transaction has committed, and never if it rolls back: waking the timer
 * scheduler for timers scheduled in it, which it could not yet see before COMMIT. Needed where
 * the transaction is someone else's (the inbox's, around a consumer's handler).
 */
export class AfterCommit implements EventSubscriber {
  private readonly pending = new WeakMap<object, (() => void)[]>();

  constructor(orm: MikroORM) {
    orm.em.getEventManager().registerSubscriber(this);
  }

  /** Runs `work` after `tx` (the manager a `transactional` callback received) commits. */
  defer(tx: EntityManager, work: () => void): void {
    const queued = this.pending.get(tx);
    if (queued) queued.push(work);
    else this.pending.set(tx, [work]);
  }

  afterTransactionCommit(args: TransactionEventArgs): void {
    const queued = this.take(args.em);
    for (const work of queued) work();
  }

  afterTransactionRollback(args: TransactionEventArgs): void {
    this.take(args.em);
  }

  private take(em: object): (() => void)[] {
    const queued = this.pending.get(em) ?? [];
    this.pending.delete(em);
    return queued;
  }
}
