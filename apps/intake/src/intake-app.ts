import { bootstrapService } from '@complaints/runtime';
import { Telemetry } from '@complaints/telemetry';
import { INestApplication } from '@nestjs/common';
import { AppModule } from './app.module';
import { IntakeConfig } from './intake-config';

/** Intake serves HTTP (health, metrics) and NATS request-reply in one process. */
export function startIntake(config: IntakeConfig, telemetry: Telemetry): Promise<INestApplication> {
  return bootstrapService(AppModule.forRoot(config, telemetry), config, telemetry, { answersRequests: true });
}
