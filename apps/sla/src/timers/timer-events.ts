import { Actor, EventContract, EventData, EventOf } from '@complaints/contracts';
import { OutboxEntry, createEvent, derivedEventId } from '@complaints/messaging';
import { Timer, TimerFiring } from './timer';

/** How a timer handler emits events: into the firing transaction's outbox. */
export interface TimerEvents {
  /** One event of each type per firing: its id is derived from the timer and the type. */
  emit<C extends EventContract>(contract: C, data: EventData<C>): Promise<EventOf<C>>;
}

/** sla's own events are the service's doing, not a person's. */
export const SLA_SYSTEM: Actor = { kind: 'system', id: 'sla' };

/**
 * Collects a firing's events into `emitted`; the firer writes a whole batch's events to the
 * outbox in one statement, and drops the events of a handler whose savepoint rolled back.
 */
export function timerEvents(emitted: OutboxEntry[], timer: Timer, firing: TimerFiring): TimerEvents {
  return {
    async emit(contract, data) {
      const event = createEvent(contract, {
        // Should a firing ever be attempted twice, both attempts carry the same event id.
        id: timerEventId(timer, contract),
        complaintId: timer.complaintId,
        actor: SLA_SYSTEM,
        occurredAt: firing.firedAt,
        data,
      });
      emitted.push({ contract, event });
      return event;
    },
  };
}

/** The id of the event of type `contract` a timer's firing emits (or will). */
export function timerEventId(timer: Pick<Timer, 'id'>, contract: EventContract): string {
  return derivedEventId(timer.id, contract.type);
}
