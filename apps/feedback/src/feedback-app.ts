import { bootstrapService } from '@complaints/runtime';
import { Telemetry } from '@complaints/telemetry';
import { INestApplication } from '@nestjs/common';
import { AppModule } from './app.module';
import { FeedbackConfig } from './feedback-config';

/** feedback serves HTTP (health, metrics) and NATS request-reply (the survey page, links, CSAT) in one process. */
export function startFeedback(config: FeedbackConfig, telemetry: Telemetry): Promise<INestApplication> {
  return bootstrapService(AppModule.forRoot(config, telemetry), config, telemetry, { answersRequests: true });
}
