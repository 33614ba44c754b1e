import { PeriodicTask, SERVICE_LOGGER } from '@complaints/runtime';
import { UnitOfWork } from '@complaints/messaging';
import { MikroORM } from '@mikro-orm/postgresql';
import { BeforeApplicationShutdown, DynamicModule, Injectable, Module, OnApplicationBootstrap } from '@nestjs/common';
import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import { TimerSettings } from '../sla-config';
import { Clock, systemClock } from './clock';
import { TimerHandlers } from './timer-handlers';
import { TimerLogger } from './timer-logger';
import { TimerScheduler } from './timer-scheduler';
import { TimerStore } from './timer-store';

/** The clock every sla time rule reads; tests provide their own. */
export const CLOCK = Symbol('CLOCK');

/** Timers deleted per housekeeping statement: short enough never to hold up a firing for long. */
const PURGE_BATCH = 5000;

/**
 * Starts firing once every module registered its handlers, and housekeeping beside it; stops
 * both before the database closes.
 */
@Injectable()
class TimerSchedulerLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown {
  constructor(
    private readonly scheduler: TimerScheduler,
    private readonly purge: PeriodicTask,
  ) {}

  onApplicationBootstrap(): void {
    this.scheduler.start();
    this.purge.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await Promise.all([this.scheduler.stop(), this.purge.stop()]);
  }
}

/** Deletes ended timers past their retention, a batch at a time until none is left. */
async function purgeEndedTimers(orm: MikroORM, store: TimerStore, clock: Clock, retentionDays: number): Promise<void> {
  const before = new Date(clock.now().getTime() - retentionDays * 86_400_000);
  while ((await store.purgeEnded(orm.em.fork(), before, PURGE_BATCH)) === PURGE_BATCH);
}

/**
 * Durable timers for the sla service. A module that needs timers injects `TimerStore` (to
 * schedule in its transactions), `TimerHandlers` (to register what its kinds do, in
 * `onModuleInit`) and `TimerScheduler` (to `notify` it of timers due soon).
 */
@Module({})
export class TimersModule {
  static forRoot(settings: TimerSettings): DynamicModule {
    return {
      module: TimersModule,
      global: true,
      providers: [
        { provide: CLOCK, useValue: systemClock },
        { provide: TimerHandlers, useValue: new TimerHandlers() },
        { provide: TimerStore, useFactory: (clock: Clock) => new TimerStore(clock), inject: [CLOCK] },
        {
          provide: TimerScheduler,
          useFactory: (orm: MikroORM, unitOfWork: UnitOfWork, handlers: TimerHandlers, clock: Clock, logger: TimerLogger) =>
            new TimerScheduler(
              { orm, unitOfWork, handlers, clock, logger },
              {
                // The host name is the pod's in Kubernetes: claims say which replica holds them.
                replicaId: `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`,
                leaseMs: settings.leaseMs,
                lookaheadMs: settings.lookaheadMs,
                batchSize: settings.batchSize,
              },
            ),
          inject: [MikroORM, UnitOfWork, TimerHandlers, CLOCK, SERVICE_LOGGER],
        },
        {
          provide: PeriodicTask,
          useFactory: (orm: MikroORM, store: TimerStore, clock: Clock, logger: TimerLogger) =>
            new PeriodicTask(
              'timer purge',
              60_000,
              () => purgeEndedTimers(orm, store, clock, settings.retentionDays),
              logger,
            ),
          inject: [MikroORM, TimerStore, CLOCK, SERVICE_LOGGER],
        },
        TimerSchedulerLifecycle,
      ],
      exports: [CLOCK, TimerHandlers, TimerStore, TimerScheduler],
    };
  }
}
