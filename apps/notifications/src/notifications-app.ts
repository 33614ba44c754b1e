import { DatabaseServiceConfig } from '@complaints/config';
import { bootstrapService } from '@complaints/runtime';
import { Telemetry } from '@complaints/telemetry';
import { INestApplication } from '@nestjs/common';
import { AppModule } from './app.module';
import { WithWebhookConfig } from './webhooks/webhook-config';

/** Notifications consumes events and answers the gateway's webhook requests over NATS. */
export function startNotifications(config: DatabaseServiceConfig & WithWebhookConfig, telemetry: Telemetry): Promise<INestApplication> {
  return bootstrapService(AppModule.forRoot(config, telemetry), config, telemetry, { answersRequests: true });
}
