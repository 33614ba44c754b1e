import { DatabaseServiceConfig } from '@complaints/config';
import { ServiceCoreModule } from '@complaints/runtime';
import { Telemetry } from '@complaints/telemetry';
import { DynamicModule, Module } from '@nestjs/common';
import { NOTIFICATIONS_MIGRATIONS } from './migrations';

@Module({})
export class AppModule {
  static forRoot(config: DatabaseServiceConfig, telemetry: Telemetry): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ServiceCoreModule.forRoot({
          config,
          telemetry,
          // Its schema is ready for the consumers the service will have; each will read its
          // stream from the first message, so nothing published before it is missed.
          database: { url: config.databaseUrl, schema: 'notifications', migrations: NOTIFICATIONS_MIGRATIONS },
          policies: true,
        }),
      ],
    };
  }
}
