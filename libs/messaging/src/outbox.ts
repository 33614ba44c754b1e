import { Envelope, EventContract, subjectOf } from '@complaints/contracts';
import { EntityManager } from '@mikro-orm/postgresql';
import { executeSql, quoteIdent } from '@complaints/persistence';

/** One event and the contract it is published under. */
export interface OutboxEntry {
  readonly contract: EventContract;
  readonly event: Envelope;
}

/**
 * Writes events into the service's outbox table. Call `append` with the entity manager of the
 * transaction that makes the state change, so the event exists if and only if the change
 * committed; the relay publishes it afterwards.
 */
export class Outbox {
  private readonly table: string;

  constructor(schema: string) {
    this.table = `${quoteIdent(schema)}.outbox`;
  }

  async append(em: EntityManager, contract: EventContract, event: Envelope): Promise<void> {
    await this.insert(em, [{ contract, event }], '');
  }

  /** Several events in one statement: a batch of timer firings pays one round trip for its events. */
  async appendAll(em: EntityManager, entries: readonly OutboxEntry[]): Promise<void> {
    if (entries.length > 0) await this.insert(em, entries, '');
  }

  /**
   * Publishes an event again under its original id, e.g. to refill a lost stream: a row the
   * replay window still holds is put back in the queue instead of conflicting.
   */
  async requeue(em: EntityManager, contract: EventContract, event: Envelope): Promise<void> {
    await this.insert(em, [{ contract, event }], 'on conflict (id) do update set sent_at = null, attempts = 0, last_error = null');
  }

  private async insert(em: EntityManager, entries: readonly OutboxEntry[], onConflict: string): Promise<void> {
    if (!em.isInTransaction()) {
      throw new Error('the outbox is written inside the transaction that makes the state change');
    }
    await executeSql(
      em,
      `insert into ${this.table} (id, subject, event_type, complaint_id, payload, traceparent)
       values ${entries.map(() => '(?, ?, ?, ?, ?::jsonb, ?)').join(', ')} ${onConflict}`,
      entries.flatMap(({ contract, event }) => [
        event.id,
        subjectOf(contract),
        event.type,
        event.complaintId,
        JSON.stringify(event),
        event.traceparent ?? null,
      ]),
    );
  }
}
