import { STREAMS, SlaClockBreachedV1, subjectOf } from '@complaints/contracts';
import { EventConsumerHost } from '@complaints/runtime';
import { Module, OnModuleInit } from '@nestjs/common';
import { ComplaintStoreModule } from '../complaints/complaint-store.module';
import { ApplyPolicyClosure } from './apply-policy-closure';

/** Closes complaints whose policy says a breached window (non-cooperation, stale age) ends them. */
@Module({
  imports: [ComplaintStoreModule],
  providers: [
    ApplyPolicyClosure,
  ],
})
export class PolicyClosuresModule implements OnModuleInit {
  constructor(
    private readonly consumers: EventConsumerHost,
    private readonly closures: ApplyPolicyClosure,
  ) {}

  onModuleInit(): void {
    this.consumers.register({
      durable: 'intake-closure',
      stream: STREAMS.sla,
      // Only breaches: a warning closes nothing.
      filterSubject: subjectOf(SlaClockBreachedV1),
      handle: async ({ envelope }, tx) => {
        await this.closures.execute(tx, {
          ...envelope,
          type: SlaClockBreachedV1.type,
          data: SlaClockBreachedV1.data.parse(envelope.data),
        });
      },
    });
  }
}
