import { bootstrapService } from '@complaints/runtime';
import { Telemetry } from '@complaints/telemetry';
import { INestApplication } from '@nestjs/common';
import { AppModule } from './app.module';
import { AuditConfig } from './audit-config';

/** audit serves HTTP (health, metrics) and NATS request-reply (the auditor's queries) in one process. */
export function startAudit(config: AuditConfig, telemetry: Telemetry): Promise<INestApplication> {
  return bootstrapService(AppModule.forRoot(config, telemetry), config, telemetry, { answersRequests: true });
}
