import { SurveySentV1 } from '@complaints/contracts';
import { ConsumedEvent, ConsumerOutcome, EventConsumer, Outcome } from '@complaints/messaging';
import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { DELIVERIES_WHILE_WAITING_FOR_RECEIPT, EVENTS_AT_ONCE, RecordTrigger } from './record-trigger';

const SURVEY_EVENTS = [SurveySentV1] as const;

/** Under a policy with a survey, the resolution message goes when feedback has opened the survey, with its link. */
@Injectable()
export class SurveyEventsConsumer implements EventConsumer<typeof SURVEY_EVENTS> {
  readonly durable = 'notifications-surveys';
  readonly events = SURVEY_EVENTS;
  readonly maxDeliver = DELIVERIES_WHILE_WAITING_FOR_RECEIPT;
  readonly concurrency = EVENTS_AT_ONCE;

  constructor(private readonly recordTrigger: RecordTrigger) {}

  handle(event: ConsumedEvent<typeof SURVEY_EVENTS>, tx: EntityManager): Promise<ConsumerOutcome> {
    if (event.complaintId === null) return Promise.resolve(Outcome.reject(`${event.type} ${event.id} names no complaint`));
    const { surveyId, resolutionEventId } = event.data;
    return this.recordTrigger.execute(tx, event.complaintId, { eventId: event.id, at: event.occurredAt, on: 'survey_sent', surveyId, resolutionEventId });
  }
}
