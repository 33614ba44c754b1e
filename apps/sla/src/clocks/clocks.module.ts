import { EventConsumerHost } from '@complaints/messaging';
import { PolicyCatalog } from '@complaints/policy-catalog';
import { SERVICE_LOGGER } from '@complaints/runtime';
import { EntityManager } from '@mikro-orm/postgresql';
import { DynamicModule, Inject, Injectable, Module, OnModuleInit, Provider } from '@nestjs/common';
import { Logger } from 'pino';
import { BreachWatermarkSettings } from '../sla-config';
import { CLOCK, Clock, TimerHandlers, TimerScheduler, TimerStore } from '../timers';
import { BreachWatermarkHold } from './breach-watermark-hold';
import { ApplyComplaintEvent } from './apply-complaint-event';
import { registerClockAlerts } from './clock-alerts';
import { ClockMetrics } from './clock-metrics';
import { ClockTimerWriter } from './clock-timer-writer';
import { COMPLAINT_CLOCKS_REPOSITORY, ComplaintClocksRepository } from './complaint-clocks.repository';
import { ComplaintEventsConsumer } from './complaint-events.consumer';
import { ClocksHandlers } from './clocks.handlers';
import { GetComplaintClocks } from './get-complaint-clocks';
import { PolicySource } from './policy-source';
import { SqlComplaintClocksRepository } from './sql-complaint-clocks.repository';
import { SqlComplaintEventLog } from './sql-complaint-event-log';

const POLICY_SOURCE = Symbol('PolicySource');

/** Registers the complaint consumer and the clock timers' handlers before messaging and timers start. */
@Injectable()
class ClocksRegistration implements OnModuleInit {
  constructor(
    private readonly consumers: EventConsumerHost,
    private readonly consumer: ComplaintEventsConsumer,
    private readonly handlers: TimerHandlers,
    @Inject(COMPLAINT_CLOCKS_REPOSITORY) private readonly repository: ComplaintClocksRepository,
    private readonly breachHold: BreachWatermarkHold,
  ) {}

  onModuleInit(): void {
    this.consumers.register(this.consumer);
    registerClockAlerts(this.handlers, this.repository, this.breachHold.hold);
  }
}

/** Breaches wait for the complaint-events consumer, as far as JetStream says it has got. */
function breachWatermarkHold(settings: BreachWatermarkSettings): Provider {
  return {
    provide: BreachWatermarkHold,
    useFactory: (consumers: EventConsumerHost, consumer: ComplaintEventsConsumer, logger: Logger) =>
      new BreachWatermarkHold(
        { read: () => consumers.progressOf(consumer.durable) },
        settings,
        logger.child({ component: 'breach-watermark' }),
      ),
    inject: [EventConsumerHost, ComplaintEventsConsumer, SERVICE_LOGGER],
  };
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
        new ApplyComplaintEvent(repository, new SqlComplaintEventLog(), policies, timers, clock),
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
      useFactory: (em: EntityManager, repository: ComplaintClocksRepository, policies: PolicySource, clock: Clock) =>
        new GetComplaintClocks(em, repository, policies, clock),
      inject: [EntityManager, COMPLAINT_CLOCKS_REPOSITORY, POLICY_SOURCE, CLOCK],
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
export class ClocksModule {
  /** The module with the settings of its breach watermark. */
  static forRoot(breachWatermark: BreachWatermarkSettings): DynamicModule {
    return { module: ClocksModule, providers: [breachWatermarkHold(breachWatermark)] };
  }
}
