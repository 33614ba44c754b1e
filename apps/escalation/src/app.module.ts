import { DatabaseServiceConfig } from '@complaints/config';
import { STREAMS } from '@complaints/contracts';
import { ServiceCoreModule } from '@complaints/runtime';
import { Telemetry } from '@complaints/telemetry';
import { DynamicModule, Module } from '@nestjs/common';
import { EscalationsModule } from './escalations/escalations.module';
import { ESCALATION_MIGRATIONS } from './migrations';

@Module({})
export class AppModule {
  static forRoot(config: DatabaseServiceConfig, telemetry: Telemetry): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ServiceCoreModule.forRoot({
          config,
          telemetry,
          database: { url: config.databaseUrl, schema: 'escalation', migrations: ESCALATION_MIGRATIONS },
          publishes: [STREAMS.escalation],
          consumes: true,
          policies: true,
        }),
        EscalationsModule,
      ],
    };
  }
}
