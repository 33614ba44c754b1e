import {
  ComplaintAcknowledgedV1,
  ComplaintClosedV1,
  ComplaintClosureWithdrawnV1,
  ComplaintCustomerRepliedV1,
  ComplaintExpectedDateSetV1,
  ComplaintInfoRequestedV1,
  ComplaintReceivedV1,
  ComplaintReopenedV1,
  ComplaintResolvedV1,
  ComplaintResponseSentV1,
} from '@complaints/contracts';
import { ConsumedEvent, ConsumerOutcome, EventConsumer, Outcome } from '@complaints/messaging';
import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { NotificationTrigger } from './plan-deliveries';
import { DELIVERIES_WHILE_WAITING_FOR_RECEIPT, EVENTS_AT_ONCE, RecordTrigger } from './record-trigger';

const COMPLAINT_EVENTS = [
  ComplaintReceivedV1,
  ComplaintAcknowledgedV1,
  ComplaintResponseSentV1,
  ComplaintInfoRequestedV1,
  ComplaintCustomerRepliedV1,
  ComplaintExpectedDateSetV1,
  ComplaintResolvedV1,
  ComplaintReopenedV1,
  ComplaintClosedV1,
  ComplaintClosureWithdrawnV1,
] as const;

type ComplaintEvent = ConsumedEvent<typeof COMPLAINT_EVENTS>;

function triggerOf(event: ComplaintEvent): NotificationTrigger {
  const base = { eventId: event.id, at: event.occurredAt };
  switch (event.type) {
    case ComplaintReceivedV1.type:
      return { ...base, on: 'received', receivedAt: event.data.receivedAt };
    case ComplaintAcknowledgedV1.type:
      return { ...base, on: 'acknowledged' };
    case ComplaintResponseSentV1.type:
      return { ...base, on: 'response', responseType: event.data.responseType };
    case ComplaintInfoRequestedV1.type:
      return { ...base, on: 'info_requested' };
    case ComplaintCustomerRepliedV1.type:
      return { ...base, on: 'customer_replied' };
    case ComplaintExpectedDateSetV1.type:
      return { ...base, on: 'expected_date', expectedAt: event.data.expectedAt };
    case ComplaintResolvedV1.type:
      return { ...base, on: 'resolved' };
    case ComplaintReopenedV1.type:
      return { ...base, on: 'reopened' };
    case ComplaintClosedV1.type:
      return { ...base, on: 'closed', reason: event.data.reason };
    case ComplaintClosureWithdrawnV1.type:
      return { ...base, on: 'closure_withdrawn' };
  }
}

/** Intake's events: what the customer is told, and the steps a progress update sums up. */
@Injectable()
export class ComplaintEventsConsumer implements EventConsumer<typeof COMPLAINT_EVENTS> {
  readonly durable = 'notifications-complaints';
  readonly events = COMPLAINT_EVENTS;
  readonly maxDeliver = DELIVERIES_WHILE_WAITING_FOR_RECEIPT;
  readonly concurrency = EVENTS_AT_ONCE;

  constructor(private readonly recordTrigger: RecordTrigger) {}

  handle(event: ComplaintEvent, tx: EntityManager): Promise<ConsumerOutcome> {
    const { complaintId, data } = event;
    if (complaintId === null) return Promise.resolve(Outcome.reject(`${event.type} ${event.id} names no complaint`));
    const known = { complaintId, policyId: data.policyId, policyVersion: data.policyVersion, reference: data.reference };
    return this.recordTrigger.execute(tx, complaintId, triggerOf(event), known);
  }
}
