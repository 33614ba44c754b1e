import { PolicyCatalog } from '@complaints/policy-catalog';
import { PeriodicTask, SERVICE_LOGGER } from '@complaints/runtime';
import { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { BeforeApplicationShutdown, DynamicModule, Injectable, Module, OnApplicationBootstrap } from '@nestjs/common';
import { Logger } from 'pino';
import { CLOCK, Clock } from '../timers';
import { GetSlaReport } from './get-sla-report';
import { RefreshReportDays } from './refresh-report-days';
import { ReportsHandlers } from './reports.handlers';
import { SqlSlaReportDays } from './sql-sla-report-days';
import { SqlSlaReportRepository } from './sql-sla-report.repository';

/** Counts clock changes into the report's days every SLA_REPORT_REFRESH_INTERVAL_MS while sla runs. */
@Injectable()
class ReportDaysRefresh implements OnApplicationBootstrap, BeforeApplicationShutdown {
  constructor(private readonly task: PeriodicTask) {}

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

/** Reports over sla's clocks, answered over request-reply. */
@Module({})
export class ReportsModule {
  static forRoot(refreshIntervalMs: number): DynamicModule {
    return {
      module: ReportsModule,
      controllers: [ReportsHandlers],
      providers: [
        {
          provide: GetSlaReport,
          useFactory: (em: EntityManager, catalog: PolicyCatalog, clock: Clock) =>
            new GetSlaReport(em, new SqlSlaReportRepository(), catalog.registry, clock),
          inject: [EntityManager, PolicyCatalog, CLOCK],
        },
        {
          provide: PeriodicTask,
          useFactory: (orm: MikroORM, catalog: PolicyCatalog, logger: Logger) => {
            const refresh = new RefreshReportDays(new SqlSlaReportDays(), catalog.registry);
            return new PeriodicTask(
              'SLA report days refresh',
              refreshIntervalMs,
              async () => {
                const policies = await refresh.execute(orm.em.fork());
                if (policies.length > 0) logger.debug({ policies }, 'counted clock changes into the SLA report days');
              },
              logger,
            );
          },
          inject: [MikroORM, PolicyCatalog, SERVICE_LOGGER],
        },
        ReportDaysRefresh,
      ],
    };
  }
}
