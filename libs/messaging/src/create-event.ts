import { Actor, EventContract, EventData, EventOf } from '@complaints/contracts';
import { v5 as uuidv5, v7 as uuidv7 } from 'uuid';
import { currentTraceparent } from './trace-context';

export interface NewEvent<C extends EventContract> {
  readonly complaintId: string | null;
  readonly actor: Actor;
  readonly data: EventData<C>;
  /** When it happened; now when absent. */
  readonly occurredAt?: Date;
  /** A fresh UUIDv7 when absent; a `derivedEventId` for an event that must keep its id on replay. */
  readonly id?: string;
}

/**
 * Builds an event envelope. The data is parsed against the contract here, at the producer,
 * so a malformed event is a bug found in the producer's tests rather than a poison message.
 */
export function createEvent<C extends EventContract>(contract: C, input: NewEvent<C>): EventOf<C> {
  return {
    id: input.id ?? uuidv7(),
    type: contract.type,
    version: contract.version,
    occurredAt: (input.occurredAt ?? new Date()).toISOString(),
    complaintId: input.complaintId,
    actor: input.actor,
    traceparent: currentTraceparent(),
    data: contract.data.parse(input.data) as EventData<C>,
  } as EventOf<C>;
}

/**
 * The id of an event that follows from one source (a timer firing, a complaint event): a
 * UUIDv5 of the event type in the source's id as namespace, not a fresh UUIDv7. Should the
 * source ever be handled twice, both attempts carry the same id, which the outbox's primary
 * key, JetStream's duplicate window and every inbox deduplicate.
 */
export function derivedEventId(sourceId: string, eventType: string): string {
  return uuidv5(eventType, sourceId);
}
