import { SurveyAnsweredV1, SurveyExpiredV1 } from '@complaints/contracts';
import { ConsumedEvent, ConsumerOutcome, EventConsumer, EventSink, Outcome } from '@complaints/messaging';
import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { ApplySurveyOutcome } from './apply-survey-outcome';

// `survey.sent` changes nothing in intake: the complaint stays resolved while the customer is asked.
const SURVEY_OUTCOMES = [SurveyAnsweredV1, SurveyExpiredV1] as const;

/** Answers and expiries of satisfaction surveys close or reopen complaints as their policies say. */
@Injectable()
export class SurveyOutcomesConsumer implements EventConsumer<typeof SURVEY_OUTCOMES> {
  readonly durable = 'intake-surveys';
  readonly events = SURVEY_OUTCOMES;

  constructor(private readonly applyOutcome: ApplySurveyOutcome) {}

  async handle(event: ConsumedEvent<typeof SURVEY_OUTCOMES>, tx: EntityManager, events: EventSink): Promise<ConsumerOutcome> {
    const { complaintId } = event;
    // Feedback opens surveys only on intake's resolutions, so an unknown complaint is a bug: it waits in the dead letters.
    if (complaintId === null) return Outcome.reject(`${event.type} ${event.id} names no complaint`);
    const news =
      event.type === SurveyAnsweredV1.type ? ({ type: 'answered', data: event.data } as const) : ({ type: 'expired', data: event.data } as const);
    const outcome = await this.applyOutcome.execute(tx, events, { ...event, complaintId }, news);
    return outcome ? Outcome.processed() : Outcome.reject(`intake has no complaint ${complaintId}`);
  }
}
