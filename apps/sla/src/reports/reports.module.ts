import { PolicyCatalog } from '@complaints/policy-catalog';
import { EntityManager } from '@mikro-orm/postgresql';
import { Module } from '@nestjs/common';
import { CLOCK, Clock } from '../timers';
import { GetSlaReport } from './get-sla-report';
import { ReportDaysRefreshTask } from './report-days-refresh.task';
import { ReportsHandlers } from './reports.handlers';
import { SqlSlaReportRepository } from './sql-sla-report.repository';

/** Reports over sla's clocks, answered over request-reply, and the days they are counted from. */
@Module({
  controllers: [ReportsHandlers],
  providers: [
    {
      provide: GetSlaReport,
      useFactory: (em: EntityManager, catalog: PolicyCatalog, clock: Clock) =>
        new GetSlaReport(em, new SqlSlaReportRepository(), catalog.registry, clock),
      inject: [EntityManager, PolicyCatalog, CLOCK],
    },
    ReportDaysRefreshTask,
  ],
})
export class ReportsModule {}
