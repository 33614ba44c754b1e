import { EscalationLevelRaisedV1, STREAMS, subjectOf } from '@complaints/contracts';
import { EventConsumerHost } from '@complaints/runtime';
import { Module, OnModuleInit } from '@nestjs/common';
import { ComplaintStoreModule } from '../complaints/complaint-store.module';
import { EscalationEventsHandler } from './escalation-events.handler';
import { FollowEscalationLevel } from './follow-escalation-level';

/** Follows the escalation service's level changes onto intake's complaints. */
@Module({
  imports: [ComplaintStoreModule],
  providers: [
    FollowEscalationLevel,
    EscalationEventsHandler,
  ],
})
export class EscalationLevelsModule implements OnModuleInit {
  constructor(
    private readonly consumers: EventConsumerHost,
    private readonly handler: EscalationEventsHandler,
  ) {}

  onModuleInit(): void {
    this.consumers.register({
      durable: 'intake-escalation',
      stream: STREAMS.escalation,
      // Only level changes: notifications and sanction recommendations change nothing in intake.
      filterSubject: subjectOf(EscalationLevelRaisedV1),
      handle: (event, tx) => this.handler.handle(event, tx),
    });
  }
}
