import { EventContract, EventOf } from '@complaints/contracts';
import { EntityManager } from '@mikro-orm/postgresql';
import { EventSink } from './event-sink';

/** One event of any of the contracts a consumer handles; `switch (event.type)` narrows its data. */
export type ConsumedEvent<Cs extends readonly EventContract[]> = { [K in keyof Cs]: EventOf<Cs[K]> }[number];

/**
 * What a handler decided about one event. `processed` commits its effect with the inbox row
 * (and may ask for work once that commit is visible, such as waking an in-memory scheduler);
 * `retry` rolls back and has the event delivered again later, for a cause that time can cure
 * (an event whose prerequisite has not arrived yet); `reject` rolls back and sends the event
 * to the dead letters, for one that no retry can make right.
 */
export type ConsumerOutcome =
  | { readonly kind: 'processed'; readonly afterCommit?: () => void }
  | { readonly kind: 'retry'; readonly reason: string }
  | { readonly kind: 'reject'; readonly reason: string };

export const Outcome = {
  processed: (afterCommit?: () => void): ConsumerOutcome => ({ kind: 'processed', afterCommit }),
  retry: (reason: string): ConsumerOutcome => ({ kind: 'retry', reason }),
  reject: (reason: string): ConsumerOutcome => ({ kind: 'reject', reason }),
} as const;

/**
 * A durable consumer of some events of one stream. It is registered explicitly with the
 * service's `EventConsumerHost` by the module that owns it. Its handler runs in the
 * transaction that records the event in the inbox, receives data already validated against
 * the event's contract, and publishes through that transaction's outbox.
 */
export interface EventConsumer<Cs extends readonly EventContract[] = readonly EventContract[]> {
  /** Durable consumer name: its position on the stream and its inbox key. */
  readonly durable: string;
  /**
   * The events it handles, all on one stream. Others on that stream are acknowledged without
   * being read, so a consumer is never stopped by events, or versions, it does not know.
   */
  readonly events: Cs;
  /** Deliveries before an event that keeps failing goes to the dead letters. */
  readonly maxDeliver?: number;
  /** Must exceed the slowest handler. */
  readonly ackWaitMs?: number;
  /**
   * Events handled at once, each in its own transaction (default 1). Events of one complaint
   * still run one after another, in stream order; a handler must be safe beside itself on
   * other complaints.
   */
  readonly concurrency?: number;
  /**
   * With `handleBatch`: takes events in batches of up to `maxEvents` (or what came within
   * `maxWaitMs`), one transaction per batch, for a consumer whose cost is per transaction.
   */
  readonly batch?: { readonly maxEvents: number; readonly maxWaitMs: number };
  handle(event: ConsumedEvent<Cs>, tx: EntityManager, events: EventSink): Promise<ConsumerOutcome>;
  /**
   * The events of a batch not processed before, in stream order, in the transaction of their
   * inbox rows. Anything but `processed` rolls the batch back, and its events are then
   * handled one by one with `handle`, which decides each one's fate.
   */
  handleBatch?(events: readonly ConsumedEvent<Cs>[], tx: EntityManager, sink: EventSink): Promise<ConsumerOutcome>;
}
