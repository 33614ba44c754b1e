import { STREAMS } from '@complaints/contracts';
import { ServiceCoreModule } from '@complaints/runtime';
import { Telemetry } from '@complaints/telemetry';
import { DynamicModule, Module } from '@nestjs/common';
import { ComplaintSchema } from './complaints/complaint.entity';
import { ComplaintsModule } from './complaints/complaints.module';
import { ContactReadsModule } from './contact-reads/contact-reads.module';
import { DataRightsModule } from './data-rights/data-rights.module';
import { PolicyClosuresModule } from './closures/policy-closures.module';
import { EscalationLevelsModule } from './escalations/escalation-levels.module';
import { IntakeConfig } from './intake-config';
import { PoliciesModule } from './policies/policies.module';
import { INTAKE_MIGRATIONS } from './migrations';

@Module({})
export class AppModule {
  static forRoot(config: IntakeConfig, telemetry: Telemetry): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ServiceCoreModule.forRoot({
          config,
          telemetry,
          database: { url: config.databaseUrl, schema: 'intake', entities: [ComplaintSchema], migrations: INTAKE_MIGRATIONS },
          publishes: [STREAMS.complaints, STREAMS.policies],
          consumes: true,
          policies: true,
        }),
        ComplaintsModule,
        PoliciesModule,
        EscalationLevelsModule,
        PolicyClosuresModule,
        ContactReadsModule,
        DataRightsModule,
      ],
    };
  }
}
