import { ServiceConfig } from '@complaints/config';
import { STREAMS } from '@complaints/contracts';
import { ServiceCoreModule } from '@complaints/runtime';
import { Telemetry } from '@complaints/telemetry';
import { DynamicModule, Module } from '@nestjs/common';
import { AUDIT_MIGRATIONS } from './migrations';

@Module({})
export class AppModule {
  static forRoot(config: ServiceConfig, telemetry: Telemetry): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ServiceCoreModule.forRoot({
          config,
          telemetry,
          schema: 'audit',
          policies: true,
          migrations: AUDIT_MIGRATIONS,
          // Complaint events are recorded in the inbox as they arrive; audit's own rules build on them.
          consumers: [{ durable: 'audit', stream: STREAMS.complaints, handle: async () => undefined }],
        }),
      ],
    };
  }
}
