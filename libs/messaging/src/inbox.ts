import { Envelope } from '@complaints/contracts';
import { executeSql, pgArray, quoteIdent } from '@complaints/persistence';
import { EntityManager } from '@mikro-orm/postgresql';

export type InboxResult<T> = { status: 'processed'; value: T } | { status: 'duplicate' };

/**
 * Makes a consumer idempotent: the `(consumer, event_id)` row is inserted in the same
 * transaction as the consumer's effect, so a redelivered event finds the row and does nothing.
 */
export class Inbox {
  private readonly table: string;

  constructor(
    schema: string,
    readonly consumer: string,
  ) {
    this.table = `${quoteIdent(schema)}.inbox`;
  }

  /**
   * Deletes up to `limit` records of events this consumer processed before `before`; returns
   * how many. Past the streams' retention no redelivery can reach them, and the table would
   * otherwise grow by a row per event for ever.
   */
  async purgeProcessedBefore(em: EntityManager, before: Date, limit: number): Promise<number> {
    const deleted = await executeSql<{ event_id: string }>(
      em,
      `delete from ${this.table} where (consumer, event_id) in (
         select consumer, event_id from ${this.table} where consumer = ? and processed_at < ? limit ?)
       returning event_id`,
      [this.consumer, before, limit],
    );
    return deleted.length;
  }

  async processOnce<T>(
    em: EntityManager,
    event: Envelope,
    effect: (tx: EntityManager) => Promise<T>,
  ): Promise<InboxResult<T>> {
    return em.fork().transactional(async (tx) => {
      const inserted = await executeSql(
        tx,
        `insert into ${this.table} (consumer, event_id, event_type, complaint_id) values (?, ?, ?, ?)
         on conflict do nothing returning event_id`,
        [this.consumer, event.id, event.type, event.complaintId],
      );
      if (inserted.length === 0) return { status: 'duplicate' } as const;
      return { status: 'processed', value: await effect(tx) } as const;
    });
  }

  /**
   * Records several events in one transaction with one statement, and runs `effect` in it for
   * those seen for the first time (the first of each id, in the order given; none are left
   * when all were processed before). Its result is committed with their inbox rows.
   */
  async processAllOnce<T>(
    em: EntityManager,
    events: readonly Envelope[],
    effect: (tx: EntityManager, fresh: readonly Envelope[]) => Promise<T>,
  ): Promise<T> {
    return em.fork().transactional(async (tx) => {
      const inserted = await executeSql<{ event_id: string }>(
        tx,
        `insert into ${this.table} (consumer, event_id, event_type, complaint_id)
         select ?::text, * from unnest(?::uuid[], ?::text[], ?::uuid[])
         on conflict do nothing returning event_id`,
        [
          this.consumer,
          pgArray(events.map((event) => event.id)),
          pgArray(events.map((event) => event.type)),
          pgArray(events.map((event) => event.complaintId ?? 'NULL')),
        ],
      );
      const fresh = new Set(inserted.map((row) => row.event_id));
      const firsts = events.filter((event) => fresh.delete(event.id));
      return effect(tx, firsts);
    });
  }
}
