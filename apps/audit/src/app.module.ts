import { ServiceCoreModule } from '@complaints/runtime';
import { Telemetry } from '@complaints/telemetry';
import { DynamicModule, Module } from '@nestjs/common';
import { STREAMS } from '@complaints/contracts';
import { AuditConfig } from './audit-config';
import { AUDIT_MIGRATIONS } from './migrations';
import { RegisterModule } from './register/register.module';

@Module({})
export class AppModule {
  static forRoot(config: AuditConfig, telemetry: Telemetry): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ServiceCoreModule.forRoot({
          config,
          telemetry,
          database: { url: config.databaseUrl, schema: 'audit', migrations: AUDIT_MIGRATIONS },
          // The register announces its own purges, which it then records like any event.
          publishes: [STREAMS.audit],
          consumes: true,
          // Entries belong to their policy's organisation, which auditors are scoped to.
          policies: true,
        }),
        RegisterModule.forRoot(config.register),
      ],
    };
  }
}
