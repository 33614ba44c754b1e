import { EventConsumerHost } from '@complaints/messaging';
import { Module, OnModuleInit } from '@nestjs/common';
import { ComplaintStoreModule } from '../complaints/complaint-store.module';
import { ApplyPolicyClosure } from './apply-policy-closure';
import { BreachWithdrawalsConsumer } from './breach-withdrawals.consumer';
import { CLOCK_BREACHES } from './clock-breaches';
import { ClockBreachesConsumer } from './clock-breaches.consumer';
import { RecordBreachWithdrawal } from './record-breach-withdrawal';
import { SqlClockBreachRepository } from './sql-clock-breaches.repository';

/** Closes complaints whose policy says a breached window (non-cooperation, stale age) ends them; undoes such a closure when sla withdraws its breach. */
@Module({
  imports: [ComplaintStoreModule],
  providers: [
    { provide: CLOCK_BREACHES, useClass: SqlClockBreachRepository },
    ApplyPolicyClosure,
    ClockBreachesConsumer,
    RecordBreachWithdrawal,
    BreachWithdrawalsConsumer,
  ],
})
export class PolicyClosuresModule implements OnModuleInit {
  constructor(
    private readonly consumers: EventConsumerHost,
    private readonly breaches: ClockBreachesConsumer,
    private readonly withdrawals: BreachWithdrawalsConsumer,
  ) {}

  onModuleInit(): void {
    this.consumers.register(this.breaches);
    this.consumers.register(this.withdrawals);
  }
}
