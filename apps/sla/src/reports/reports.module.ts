import { PolicyCatalog } from '@complaints/policy-catalog';
import { EntityManager } from '@mikro-orm/postgresql';
import { Module } from '@nestjs/common';
import { CLOCK, Clock } from '../timers';
import { GetSlaReport } from './get-sla-report';
import { ReportsHandlers } from './reports.handlers';
import { SqlSlaReportRepository } from './sql-sla-report.repository';

/** Reports over sla's clocks, answered over request-reply. */
@Module({
  controllers: [ReportsHandlers],
  providers: [
    {
      provide: GetSlaReport,
      useFactory: (em: EntityManager, catalog: PolicyCatalog, clock: Clock) =>
        new GetSlaReport(em, new SqlSlaReportRepository(), catalog.registry, clock),
      inject: [EntityManager, PolicyCatalog, CLOCK],
    },
  ],
})
export class ReportsModule {}
