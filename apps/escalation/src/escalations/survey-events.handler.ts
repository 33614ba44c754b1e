import { SurveyAnsweredV1 } from '@complaints/contracts';
import { DeliveredEvent } from '@complaints/messaging';
import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { ApplyEscalationTrigger } from './apply-escalation-trigger';
import { complaintIdOf } from './complaint-id-of';

/** A dissatisfied survey answer is a trigger on the complaint's ladder; a satisfied one is not. */
@Injectable()
export class SurveyEventsHandler {
  constructor(private readonly applyTrigger: ApplyEscalationTrigger) {}

  async handle({ envelope, contract }: DeliveredEvent, tx: EntityManager): Promise<void> {
    if (contract !== SurveyAnsweredV1) return;
    // Feedback judged the score against the policy's threshold; escalation takes its verdict.
    if (!SurveyAnsweredV1.data.parse(envelope.data).dissatisfied) return;
    await this.applyTrigger.execute(tx, {
      complaintId: complaintIdOf(envelope),
      causeEventId: envelope.id,
      trigger: { on: 'survey_dissatisfied' },
    });
  }
}
