import { PeriodicTask, SERVICE_CONFIG, SERVICE_LOGGER } from '@complaints/runtime';
import { MikroORM } from '@mikro-orm/postgresql';
import { BeforeApplicationShutdown, Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { Logger } from 'pino';
import { IntakeConfig } from '../intake-config';
import { RetentionErasure } from './retention-erasure';

/** Runs the retention erasure every RETENTION_SWEEP_INTERVAL_MS while intake runs. */
@Injectable()
export class RetentionSweep implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly task: PeriodicTask;

  constructor(orm: MikroORM, erasure: RetentionErasure, @Inject(SERVICE_CONFIG) config: IntakeConfig, @Inject(SERVICE_LOGGER) logger: Logger) {
    this.task = new PeriodicTask(
      'personal data retention',
      config.retentionSweepIntervalMs,
      async () => {
        const erased = await erasure.sweep(orm.em.fork(), new Date());
        if (erased > 0) logger.info({ erased }, 'erased the personal data of complaints whose retention ended');
      },
      logger,
    );
  }

  onApplicationBootstrap(): void {
    this.task.start();
  }

  beforeApplicationShutdown(): Promise<void> {
    return this.task.stop();
  }
}
