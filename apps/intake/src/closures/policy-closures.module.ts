import { EventConsumerHost } from '@complaints/messaging';
import { Module, OnModuleInit } from '@nestjs/common';
import { ComplaintStoreModule } from '../complaints/complaint-store.module';
import { ApplyPolicyClosure } from './apply-policy-closure';
import { ClockBreachesConsumer } from './clock-breaches.consumer';

/** Closes complaints whose policy says a breached window (non-cooperation, stale age) ends them. */
@Module({
  imports: [ComplaintStoreModule],
  providers: [ApplyPolicyClosure, ClockBreachesConsumer],
})
export class PolicyClosuresModule implements OnModuleInit {
  constructor(
    private readonly consumers: EventConsumerHost,
    private readonly breaches: ClockBreachesConsumer,
  ) {}

  onModuleInit(): void {
    this.consumers.register(this.breaches);
  }
}
