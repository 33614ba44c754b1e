import { EventContract, EventOf } from '@complaints/contracts';
import { EntityManager } from '@mikro-orm/postgresql';
import { NewEvent, createEvent } from './create-event';
import { Outbox, OutboxEntry } from './outbox';

/**
 * How code inside a transaction announces what it changed: each call writes the event to the
 * transaction's outbox, so the event leaves if and only if the change commits.
 */
export interface EventSink {
  /** Creates the event (data checked against its contract) and records it; returns it as it will travel. */
  publish<C extends EventContract>(contract: C, event: NewEvent<C>): Promise<EventOf<C>>;
  /** Records events already created, with one statement: a batch of timer firings pays one round trip. */
  publishAll(entries: readonly OutboxEntry[]): Promise<void>;
  /** Publishes an event again under its original id (see `Outbox.requeue`), e.g. to refill a lost stream. */
  republish<C extends EventContract>(contract: C, event: NewEvent<C> & { readonly id: string }): Promise<void>;
}

/** The sink of one transaction; `count` tells the unit of work whether to wake the relay. */
export class TransactionEventSink implements EventSink {
  count = 0;

  constructor(
    private readonly outbox: Outbox,
    private readonly tx: EntityManager,
  ) {}

  async publish<C extends EventContract>(contract: C, input: NewEvent<C>): Promise<EventOf<C>> {
    const event = createEvent(contract, input);
    await this.outbox.append(this.tx, contract, event);
    this.count += 1;
    return event;
  }

  async publishAll(entries: readonly OutboxEntry[]): Promise<void> {
    await this.outbox.appendAll(this.tx, entries);
    this.count += entries.length;
  }

  async republish<C extends EventContract>(contract: C, event: NewEvent<C> & { readonly id: string }): Promise<void> {
    await this.outbox.requeue(this.tx, contract, createEvent(contract, event));
    this.count += 1;
  }
}
