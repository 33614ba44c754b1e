import { STREAMS } from '@complaints/contracts';
import { ServiceCoreModule } from '@complaints/runtime';
import { Telemetry } from '@complaints/telemetry';
import { DynamicModule, Module } from '@nestjs/common';
import { DeliveryModule } from './delivery/delivery.module';
import { NOTIFICATIONS_MIGRATIONS } from './migrations';
import { NotificationsConfig } from './notifications-config';
import { WebhooksModule } from './webhooks/webhooks.module';

@Module({})
export class AppModule {
  static forRoot(config: NotificationsConfig, telemetry: Telemetry): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ServiceCoreModule.forRoot({
          config,
          telemetry,
          database: { url: config.databaseUrl, schema: 'notifications', migrations: NOTIFICATIONS_MIGRATIONS },
          publishes: [STREAMS.notifications],
          consumes: true,
          policies: true,
        }),
        DeliveryModule,
        WebhooksModule.forRoot(config.webhooks),
      ],
    };
  }
}
