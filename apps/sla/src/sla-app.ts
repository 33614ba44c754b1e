import { bootstrapService } from '@complaints/runtime';
import { Telemetry } from '@complaints/telemetry';
import { INestApplication } from '@nestjs/common';
import { AppModule } from './app.module';
import { SlaConfig } from './sla-config';

/** sla serves HTTP (health, metrics) and NATS request-reply (clock queries) in one process. */
export function startSla(config: SlaConfig, telemetry: Telemetry): Promise<INestApplication> {
  return bootstrapService(AppModule.forRoot(config, telemetry), config, telemetry, { answersRequests: true });
}
