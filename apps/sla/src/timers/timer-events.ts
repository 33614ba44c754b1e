import { Actor, EventContract, EventData, EventOf } from '@complaints/contracts';
import { OutboxEntry, createEvent } from '@complaints/messaging';
import { v5 as uuidv5 } from 'uuid';
import { Timer, TimerFiring } from './timer';

/** How a timer handler emits events: into the firing transaction's outbox. */
export interface TimerEvents {
  /** One event of each type per firing: its id is derived from the timer and the type. */
  emit<C extends EventContract>(contract: C, data: EventData<C>): Promise<EventOf<C>>;
}

const SLA_SYSTEM: Actor = { kind: 'system', id: 'sla' };

/**
 * The event id is a UUIDv5 of the event type in the timer's id as namespace, not a fresh
 * UUIDv7: should a firing ever be attempted twice, both attempts carry the same id, which
 * the outbox's primary key, JetStream's duplicate window and every inbox deduplicate.
 */
export function timerEventId(timerId: string, eventType: string): string {
  return uuidv5(eventType, timerId);
}

/**
 * Collects a firing's events into `emitted`; the firer writes a whole batch's events to the
 * outbox in one statement, and drops the events of a handler whose savepoint rolled back.
 */
export function timerEvents(emitted: OutboxEntry[], timer: Timer, firing: TimerFiring): TimerEvents {
  return {
    async emit(contract, data) {
      const event = {
        ...createEvent(contract, { complaintId: timer.complaintId, actor: SLA_SYSTEM, occurredAt: firing.firedAt, data }),
        id: timerEventId(timer.id, contract.type),
      };
      emitted.push({ contract, event });
      return event;
    },
  };
}
