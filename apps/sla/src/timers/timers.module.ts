import { SERVICE_LOGGER, UnitOfWork } from '@complaints/runtime';
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

/** Starts firing once every module registered its handlers, and stops before the database closes. */
@Injectable()
class TimerSchedulerLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown {
  constructor(private readonly scheduler: TimerScheduler) {}

  onApplicationBootstrap(): void {
    this.scheduler.start();
  }

  beforeApplicationShutdown(): Promise<void> {
    return this.scheduler.stop();
  }
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
        TimerSchedulerLifecycle,
      ],
      exports: [CLOCK, TimerHandlers, TimerStore, TimerScheduler],
    };
  }
}
