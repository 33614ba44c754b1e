import { DatabaseServiceConfig } from '@complaints/config';
import { bootstrapService } from '@complaints/runtime';
import { Telemetry } from '@complaints/telemetry';
import { INestApplication } from '@nestjs/common';
import { AppModule } from './app.module';

export function startEscalation(config: DatabaseServiceConfig, telemetry: Telemetry): Promise<INestApplication> {
  // Its only request is the replay of its consumers' dead letters (ADR 0008).
  return bootstrapService(AppModule.forRoot(config, telemetry), config, telemetry, { answersRequests: true });
}
