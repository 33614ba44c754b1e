import { EventConsumerHost } from '@complaints/messaging';
import { Module, OnModuleInit } from '@nestjs/common';
import { ComplaintStoreModule } from '../complaints/complaint-store.module';
import { ApplySurveyOutcome } from './apply-survey-outcome';
import { SurveyOutcomesConsumer } from './survey-outcomes.consumer';

/** Closes or reopens complaints on their satisfaction surveys' answers and expiries. */
@Module({
  imports: [ComplaintStoreModule],
  providers: [ApplySurveyOutcome, SurveyOutcomesConsumer],
})
export class SurveyOutcomesModule implements OnModuleInit {
  constructor(
    private readonly consumers: EventConsumerHost,
    private readonly outcomes: SurveyOutcomesConsumer,
  ) {}

  onModuleInit(): void {
    this.consumers.register(this.outcomes);
  }
}
