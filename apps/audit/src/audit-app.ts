import { DatabaseServiceConfig } from '@complaints/config';
import { bootstrapService } from '@complaints/runtime';
import { Telemetry } from '@complaints/telemetry';
import { INestApplication } from '@nestjs/common';
import { AppModule } from './app.module';

export function startAudit(config: DatabaseServiceConfig, telemetry: Telemetry): Promise<INestApplication> {
  return bootstrapService(AppModule.forRoot(config, telemetry), config, telemetry);
}
