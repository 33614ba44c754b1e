import { ComplaintResolvedV1 } from '@complaints/contracts';
import { ConsumedEvent, ConsumerOutcome, EventConsumer, EventSink, Outcome } from '@complaints/messaging';
import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { OpenSurveyOnResolution } from './open-survey-on-resolution';

// Only resolutions: nothing else on a complaint opens a survey.
const RESOLUTIONS = [ComplaintResolvedV1] as const;

/** Each resolution of a complaint whose policy asks for satisfaction opens a survey. */
@Injectable()
export class ComplaintResolutionsConsumer implements EventConsumer<typeof RESOLUTIONS> {
  // A new name: the inbox-only consumer `feedback` of earlier versions is positioned after what it read (ADR 0004).
  readonly durable = 'feedback-resolutions';
  readonly events = RESOLUTIONS;
  // While intake cannot say the customer's language, the resolution waits: twenty deliveries
  // with back-off (1 s … 30 s) ride out about eight minutes of intake being away.
  readonly maxDeliver = 20;

  constructor(private readonly openSurvey: OpenSurveyOnResolution) {}

  async handle(event: ConsumedEvent<typeof RESOLUTIONS>, tx: EntityManager, events: EventSink): Promise<ConsumerOutcome> {
    const { complaintId } = event;
    if (complaintId === null) return Outcome.reject(`${event.type} ${event.id} names no complaint`);
    const outcome = await this.openSurvey.execute(tx, events, { ...event, complaintId });
    switch (outcome.kind) {
      case 'opened':
      case 'already-opened':
      case 'superseded':
      case 'no-survey':
        return Outcome.processed();
      case 'retry':
        return Outcome.retry(outcome.detail);
      case 'reject':
        return Outcome.reject(outcome.detail);
    }
  }
}
