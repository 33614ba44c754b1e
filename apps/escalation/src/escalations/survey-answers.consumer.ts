import { SurveyAnsweredV1 } from '@complaints/contracts';
import { ConsumedEvent, ConsumerOutcome, EventConsumer, EventSink, Outcome } from '@complaints/messaging';
import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { ApplyEscalationTrigger } from './apply-escalation-trigger';
import { DELIVERIES_WHILE_WAITING_FOR_RECEIPT, namesNoComplaint, outcomeOfTrigger } from './consumer-outcomes';

const SURVEY_ANSWERS = [SurveyAnsweredV1] as const;

/** A dissatisfied survey answer is a trigger on the complaint's ladder; a satisfied one is not. */
@Injectable()
export class SurveyAnswersConsumer implements EventConsumer<typeof SURVEY_ANSWERS> {
  readonly durable = 'escalation-surveys';
  // Only answers: whatever else feedback announces about a survey moves no ladder.
  readonly events = SURVEY_ANSWERS;
  readonly maxDeliver = DELIVERIES_WHILE_WAITING_FOR_RECEIPT;

  constructor(private readonly applyTrigger: ApplyEscalationTrigger) {}

  async handle(event: ConsumedEvent<typeof SURVEY_ANSWERS>, tx: EntityManager, events: EventSink): Promise<ConsumerOutcome> {
    const { complaintId } = event;
    if (complaintId === null) return namesNoComplaint(event);
    // Feedback judged the score against the policy's threshold; escalation takes its verdict.
    if (!event.data.dissatisfied) return Outcome.processed();
    const trigger = { complaintId, causeEventId: event.id, trigger: { on: 'survey_dissatisfied' } } as const;
    return outcomeOfTrigger(complaintId, await this.applyTrigger.execute(tx, events, trigger));
  }
}
