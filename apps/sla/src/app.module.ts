import { STREAMS } from '@complaints/contracts';
import { ServiceCoreModule } from '@complaints/runtime';
import { Telemetry } from '@complaints/telemetry';
import { DynamicModule, Module } from '@nestjs/common';
import { ClocksModule } from './clocks/clocks.module';
import { SLA_MIGRATIONS } from './migrations';
import { ReportsModule } from './reports/reports.module';
import { SlaConfig } from './sla-config';
import { TimersModule } from './timers/timers.module';
import { WhatIfModule } from './what-if/what-if.module';

@Module({})
export class AppModule {
  static forRoot(config: SlaConfig, telemetry: Telemetry): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ServiceCoreModule.forRoot({
          config,
          telemetry,
          database: { url: config.databaseUrl, schema: 'sla', migrations: SLA_MIGRATIONS },
          publishes: [STREAMS.sla, STREAMS.slaClocks],
          consumes: true,
          policies: true,
        }),
        TimersModule.forRoot(config.timers),
        ClocksModule.forRoot(config.breachWatermark),
        WhatIfModule,
        ReportsModule,
      ],
    };
  }
}
