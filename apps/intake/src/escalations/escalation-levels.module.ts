import { EventConsumerHost } from '@complaints/messaging';
import { Module, OnModuleInit } from '@nestjs/common';
import { ComplaintStoreModule } from '../complaints/complaint-store.module';
import { EscalationLevelsConsumer } from './escalation-levels.consumer';
import { FollowEscalationLevel } from './follow-escalation-level';

/** Follows the escalation service's level changes onto intake's complaints. */
@Module({
  imports: [ComplaintStoreModule],
  providers: [FollowEscalationLevel, EscalationLevelsConsumer],
})
export class EscalationLevelsModule implements OnModuleInit {
  constructor(
    private readonly consumers: EventConsumerHost,
    private readonly levels: EscalationLevelsConsumer,
  ) {}

  onModuleInit(): void {
    this.consumers.register(this.levels);
  }
}
