import { ComplaintPersonalDataErasedV1 } from '@complaints/contracts';
import { ConsumedEvent, ConsumerOutcome, EventConsumer, Outcome } from '@complaints/messaging';
import { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable } from '@nestjs/common';
import { SURVEY_REPOSITORY, SurveyRepository } from './survey';

const ERASURES = [ComplaintPersonalDataErasedV1] as const;

/**
 * When a complaint's personal data is erased (on the customer's request or when retention
 * ends), the comments its customer wrote on surveys go too: free text is personal data. The
 * scores stay, as the complaint's clocks and register entries do, for the statistics.
 */
@Injectable()
export class PersonalDataErasuresConsumer implements EventConsumer<typeof ERASURES> {
  readonly durable = 'feedback-erasures';
  readonly events = ERASURES;

  constructor(@Inject(SURVEY_REPOSITORY) private readonly surveys: SurveyRepository) {}

  async handle(event: ConsumedEvent<typeof ERASURES>, tx: EntityManager): Promise<ConsumerOutcome> {
    if (event.complaintId === null) return Outcome.reject(`${event.type} ${event.id} names no complaint`);
    await this.surveys.eraseComments(tx, event.complaintId);
    return Outcome.processed();
  }
}
