import { PolicyCatalog } from '@complaints/policy-catalog';
import { PeriodicTask, SERVICE_CONFIG, SERVICE_LOGGER } from '@complaints/runtime';
import { MikroORM } from '@mikro-orm/postgresql';
import { BeforeApplicationShutdown, Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { Logger } from 'pino';
import { SlaConfig } from '../sla-config';
import { RefreshReportDays } from './refresh-report-days';
import { SqlSlaReportDays } from './sql-sla-report-days';

/**
 * Counts clock changes into the SLA report's days at start and every
 * SLA_REPORT_REFRESH_INTERVAL_MS while sla runs (ADR 0057).
 */
@Injectable()
export class ReportDaysRefreshTask implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly task: PeriodicTask;

  constructor(
    orm: MikroORM,
    catalog: PolicyCatalog,
    @Inject(SERVICE_CONFIG) config: SlaConfig,
    @Inject(SERVICE_LOGGER) logger: Logger,
  ) {
    const refresh = new RefreshReportDays(new SqlSlaReportDays(), catalog.registry);
    this.task = new PeriodicTask(
      'SLA report days refresh',
      config.reportRefreshIntervalMs,
      async () => {
        const policies = await refresh.execute(orm.em.fork());
        if (policies.length > 0) logger.debug({ policies }, 'counted clock changes into the SLA report days');
      },
      logger,
    );
  }

  onApplicationBootstrap(): void {
    // Once at start too: days lost or never counted (a first deployment over existing clocks)
    // are counted before anyone asks for a report, not by the first report.
    void this.task.runOnce();
    this.task.start();
  }

  beforeApplicationShutdown(): Promise<void> {
    return this.task.stop();
  }
}
