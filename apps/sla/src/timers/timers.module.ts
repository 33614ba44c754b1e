import { PeriodicTask, SERVICE_LOGGER } from '@complaints/runtime';
import { UnitOfWork } from '@complaints/messaging';
import { MikroORM } from '@mikro-orm/postgresql';
import { BeforeApplicationShutdown, DynamicModule, Inject, Injectable, Module, OnApplicationBootstrap } from '@nestjs/common';
import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import { TimerSettings } from '../sla-config';
import { Clock } from './clock';
import { DatabaseClock } from './database-clock';
import { DatabaseClockCalibration } from './database-clock-calibration';
import { TimerHandlers } from './timer-handlers';
import { TimerLogger } from './timer-logger';
import { TimerScheduler } from './timer-scheduler';
import { TimerStore } from './timer-store';

/** The clock every sla time rule reads: the database's (`DatabaseClock`); tests provide their own. */
export const CLOCK = Symbol('CLOCK');

/** How often the database's clock is read again, to follow the local clock's drift. */
const CALIBRATION_INTERVAL_MS = 30_000;

/** Timers deleted per housekeeping statement: short enough never to hold up a firing for long. */
const PURGE_BATCH = 5000;

/**
 * Reads the database's clock, then starts firing once every module registered its handlers,
 * with housekeeping and clock readings beside it; stops them all before the database closes.
 */
@Injectable()
class TimerSchedulerLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly recalibration: PeriodicTask;

  constructor(
    private readonly scheduler: TimerScheduler,
    private readonly purge: PeriodicTask,
    private readonly calibration: DatabaseClockCalibration,
    @Inject(SERVICE_LOGGER) logger: TimerLogger,
  ) {
    this.recalibration = new PeriodicTask('database clock reading', CALIBRATION_INTERVAL_MS, () => calibration.read(), logger);
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.calibration.atStart();
    this.recalibration.start();
    this.scheduler.start();
    this.purge.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await Promise.all([this.scheduler.stop(), this.purge.stop(), this.recalibration.stop()]);
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
        { provide: CLOCK, useValue: new DatabaseClock() },
        {
          provide: DatabaseClockCalibration,
          useFactory: (orm: MikroORM, clock: DatabaseClock) => new DatabaseClockCalibration(clock, () => orm.em.fork()),
          inject: [MikroORM, CLOCK],
        },
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
