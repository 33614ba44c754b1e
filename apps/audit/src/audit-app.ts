import { Topology, TracedNatsServer } from '@complaints/messaging';
import { bootstrapService } from '@complaints/runtime';
import { Telemetry } from '@complaints/telemetry';
import { INestApplication } from '@nestjs/common';
import { AppModule } from './app.module';
import { AuditConfig } from './audit-config';

/** audit serves HTTP (health, metrics) and NATS request-reply (the auditor's queries) in one process. */
export function startAudit(config: AuditConfig, telemetry: Telemetry): Promise<INestApplication> {
  return bootstrapService(AppModule.forRoot(config, telemetry), config, telemetry, {
    configure: (app) => {
      app.connectMicroservice(
        {
          strategy: new TracedNatsServer(
            {
              servers: config.natsUrl.split(','),
              name: 'audit-requests',
              queue: 'audit',
              waitOnFirstConnect: true,
              maxReconnectAttempts: -1,
              // As intake: stop taking requests on shutdown, then let the ones in flight reply.
              gracefulShutdown: true,
              gracePeriod: 1500,
            },
            new Topology(config.natsNamespace, config.natsStreamReplicas),
          ),
        },
        { inheritAppConfig: true },
      );
    },
  });
}
