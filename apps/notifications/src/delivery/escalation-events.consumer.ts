import { EscalationLevelNotifiedV1, EscalationLevelRaisedV1 } from '@complaints/contracts';
import { ConsumedEvent, ConsumerOutcome, EventConsumer, Outcome } from '@complaints/messaging';
import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { NotificationTrigger } from './plan-deliveries';
import { DELIVERIES_WHILE_WAITING_FOR_RECEIPT, EVENTS_AT_ONCE, RecordTrigger } from './record-trigger';

const ESCALATION_EVENTS = [EscalationLevelRaisedV1, EscalationLevelNotifiedV1] as const;

/** A complaint reached a level (its team is told, and the customer where the policy says), or a clock alerts its current level. */
@Injectable()
export class EscalationEventsConsumer implements EventConsumer<typeof ESCALATION_EVENTS> {
  readonly durable = 'notifications-escalation';
  readonly events = ESCALATION_EVENTS;
  readonly maxDeliver = DELIVERIES_WHILE_WAITING_FOR_RECEIPT;
  readonly concurrency = EVENTS_AT_ONCE;

  constructor(private readonly recordTrigger: RecordTrigger) {}

  handle(event: ConsumedEvent<typeof ESCALATION_EVENTS>, tx: EntityManager): Promise<ConsumerOutcome> {
    if (event.complaintId === null) return Promise.resolve(Outcome.reject(`${event.type} ${event.id} names no complaint`));
    const { data } = event;
    const facts = { eventId: event.id, at: event.occurredAt, levelName: data.levelName, notifies: data.notifies, trigger: data.trigger, metric: data.metric };
    const trigger: NotificationTrigger =
      event.type === EscalationLevelRaisedV1.type
        ? { ...facts, on: 'level_raised', level: event.data.toLevel }
        : { ...facts, on: 'level_notified', level: event.data.level };
    return this.recordTrigger.execute(tx, event.complaintId, trigger);
  }
}
