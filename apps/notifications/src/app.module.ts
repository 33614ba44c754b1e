import { DatabaseServiceConfig } from '@complaints/config';
import { ServiceCoreModule } from '@complaints/runtime';
import { Telemetry } from '@complaints/telemetry';
import { DynamicModule, Module } from '@nestjs/common';
import { NOTIFICATIONS_MIGRATIONS } from './migrations';
import { WithWebhookConfig } from './webhooks/webhook-config';
import { WebhooksModule } from './webhooks/webhooks.module';

@Module({})
export class AppModule {
  static forRoot(config: DatabaseServiceConfig & WithWebhookConfig, telemetry: Telemetry): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ServiceCoreModule.forRoot({
          config,
          telemetry,
          database: { url: config.databaseUrl, schema: 'notifications', migrations: NOTIFICATIONS_MIGRATIONS },
          consumes: true,
          policies: true,
        }),
        WebhooksModule.forRoot(config.webhooks),
      ],
    };
  }
}
