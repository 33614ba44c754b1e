import { Actor, EventContract, EventData, EventOf } from '@complaints/contracts';
import { v7 as uuidv7 } from 'uuid';
import { currentTraceparent } from './trace-context';

export interface NewEvent<C extends EventContract> {
  readonly complaintId: string | null;
  readonly actor: Actor;
  readonly data: EventData<C>;
  readonly occurredAt?: Date;
}

/**
 * Builds an event envelope. The data is parsed against the contract here, at the producer,
 * so a malformed event is a bug found in the producer's tests rather than a poison message.
 */
export function createEvent<C extends EventContract>(contract: C, input: NewEvent<C>): EventOf<C> {
  return {
    id: uuidv7(),
    type: contract.type,
    version: contract.version,
    occurredAt: (input.occurredAt ?? new Date()).toISOString(),
    complaintId: input.complaintId,
    actor: input.actor,
    traceparent: currentTraceparent(),
    data: contract.data.parse(input.data) as EventData<C>,
  } as EventOf<C>;
}
