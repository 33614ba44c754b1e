import { EventConsumerHost } from '@complaints/messaging';
import { PolicyCatalog } from '@complaints/policy-catalog';
import { SERVICE_LOGGER } from '@complaints/runtime';
import { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable, Module, OnModuleInit } from '@nestjs/common';
import { Logger } from 'pino';
import { CLOCK, Clock, TimerHandlers, TimerScheduler, TimerStore } from '../timers';
import { ApplyComplaintEvent, PolicySource } from './apply-complaint-event';
import { registerClockAlerts } from './clock-alerts';
import { ClockMetrics } from './clock-metrics';
import { ClockTimerWriter } from './clock-timer-writer';
import { COMPLAINT_CLOCKS_REPOSITORY, ComplaintClocksRepository } from './complaint-clocks.repository';
import { ComplaintEventsConsumer } from './complaint-events.consumer';
import { ClocksHandlers } from './clocks.handlers';
import { GetComplaintClocks } from './get-complaint-clocks';
import { SqlComplaintClocksRepository } from './sql-complaint-clocks.repository';

const POLICY_SOURCE = Symbol('PolicySource');

/** Registers the complaint consumer and the clock timers' handlers before messaging and timers start. */
@Injectable()
class ClocksRegistration implements OnModuleInit {
  constructor(
    private readonly consumers: EventConsumerHost,
    private readonly consumer: ComplaintEventsConsumer,
    private readonly handlers: TimerHandlers,
    @Inject(COMPLAINT_CLOCKS_REPOSITORY) private readonly repository: ComplaintClocksRepository,
  ) {}

  onModuleInit(): void {
    this.consumers.register(this.consumer);
    registerClockAlerts(this.handlers, this.repository);
  }
}

/** SLA clocks: planned from complaint events, timed by durable timers, answered over request-reply. */
@Module({
  controllers: [ClocksHandlers],
  providers: [
    { provide: COMPLAINT_CLOCKS_REPOSITORY, useValue: new SqlComplaintClocksRepository() },
    { provide: POLICY_SOURCE, useFactory: (catalog: PolicyCatalog) => catalog.registry, inject: [PolicyCatalog] },
    { provide: ClockTimerWriter, useFactory: (store: TimerStore) => new ClockTimerWriter(store), inject: [TimerStore] },
    {
      provide: ApplyComplaintEvent,
      useFactory: (repository: ComplaintClocksRepository, policies: PolicySource, timers: ClockTimerWriter, clock: Clock) =>
        new ApplyComplaintEvent(repository, policies, timers, clock),
      inject: [COMPLAINT_CLOCKS_REPOSITORY, POLICY_SOURCE, ClockTimerWriter, CLOCK],
    },
    {
      provide: ComplaintEventsConsumer,
      useFactory: (apply: ApplyComplaintEvent, scheduler: TimerScheduler, logger: Logger) =>
        new ComplaintEventsConsumer(apply, scheduler, logger.child({ component: 'clocks' })),
      inject: [ApplyComplaintEvent, TimerScheduler, SERVICE_LOGGER],
    },
    {
      provide: GetComplaintClocks,
      useFactory: (em: EntityManager, repository: ComplaintClocksRepository, policies: PolicySource) =>
        new GetComplaintClocks(em, repository, policies),
      inject: [EntityManager, COMPLAINT_CLOCKS_REPOSITORY, POLICY_SOURCE],
    },
    {
      provide: ClockMetrics,
      useFactory: (em: EntityManager, repository: ComplaintClocksRepository) =>
        new ClockMetrics(() => repository.countByStatus(em.fork())),
      inject: [EntityManager, COMPLAINT_CLOCKS_REPOSITORY],
    },
    ClocksRegistration,
  ],
})
export class ClocksModule {}
