import { PeriodicTask, SERVICE_CONFIG, SERVICE_LOGGER } from '@complaints/runtime';
import { MikroORM } from '@mikro-orm/postgresql';
import { BeforeApplicationShutdown, Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { Logger } from 'pino';
import { AuditConfig } from '../audit-config';
import { PurgeExpiredPayloads } from './purge-expired-payloads';

/** Purges the payloads whose retention ended, every AUDIT_RETENTION_SWEEP_INTERVAL_MS while audit runs. */
@Injectable()
export class PayloadRetentionSweep implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly task: PeriodicTask;

  constructor(
    orm: MikroORM,
    purge: PurgeExpiredPayloads,
    @Inject(SERVICE_CONFIG) config: AuditConfig,
    @Inject(SERVICE_LOGGER) logger: Logger,
  ) {
    this.task = new PeriodicTask(
      'register payload retention',
      config.retentionSweepIntervalMs,
      async () => {
        const purged = await purge.sweep(orm.em.fork(), new Date());
        if (purged > 0) logger.info({ complaints: purged }, 'purged the register payloads of complaints whose retention ended');
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
