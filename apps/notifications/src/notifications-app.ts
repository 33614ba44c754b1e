import { bootstrapService } from '@complaints/runtime';
import { Telemetry } from '@complaints/telemetry';
import { INestApplication } from '@nestjs/common';
import { AppModule } from './app.module';
import { NotificationsConfig } from './notifications-config';

export function startNotifications(config: NotificationsConfig, telemetry: Telemetry): Promise<INestApplication> {
  // Agents read a complaint's messages, admins retry one and manage webhook endpoints, through the gateway.
  return bootstrapService(AppModule.forRoot(config, telemetry), config, telemetry, { answersRequests: true });
}
