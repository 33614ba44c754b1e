import { SlaClockBreachedV1 } from '@complaints/contracts';
import { ConsumedEvent, ConsumerOutcome, EventConsumer, Outcome } from '@complaints/messaging';
import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { DELIVERIES_WHILE_WAITING_FOR_RECEIPT, EVENTS_AT_ONCE, RecordTrigger } from './record-trigger';

const CLOCK_BREACHES = [SlaClockBreachedV1] as const;

/**
 * A recurring clock that lapsed (imolocale's regular_update) means no agent wrote in time:
 * the customer gets an automatic progress update. Warnings reach the teams through
 * escalation's level-notified, which knows the complaint's current level.
 */
@Injectable()
export class ClockBreachesConsumer implements EventConsumer<typeof CLOCK_BREACHES> {
  readonly durable = 'notifications-sla';
  readonly events = CLOCK_BREACHES;
  readonly maxDeliver = DELIVERIES_WHILE_WAITING_FOR_RECEIPT;
  readonly concurrency = EVENTS_AT_ONCE;

  constructor(private readonly recordTrigger: RecordTrigger) {}

  handle(event: ConsumedEvent<typeof CLOCK_BREACHES>, tx: EntityManager): Promise<ConsumerOutcome> {
    if (event.complaintId === null) return Promise.resolve(Outcome.reject(`${event.type} ${event.id} names no complaint`));
    return this.recordTrigger.execute(tx, event.complaintId, { eventId: event.id, at: event.occurredAt, on: 'clock_breached', metric: event.data.metric });
  }
}
