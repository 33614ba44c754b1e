import { Topology, TracedNatsServer } from '@complaints/messaging';
import { bootstrapService } from '@complaints/runtime';
import { Telemetry } from '@complaints/telemetry';
import { INestApplication } from '@nestjs/common';
import { AppModule } from './app.module';
import { IntakeConfig } from './intake-config';

/** Intake serves HTTP (health, metrics) and NATS request-reply in one process. */
export function startIntake(config: IntakeConfig, telemetry: Telemetry): Promise<INestApplication> {
  return bootstrapService(AppModule.forRoot(config, telemetry), config, telemetry, {
    configure: (app) => {
      app.connectMicroservice(
        {
          strategy: new TracedNatsServer(
            {
              servers: config.natsUrl.split(','),
              name: 'intake-requests',
              queue: 'intake',
              waitOnFirstConnect: true,
              maxReconnectAttempts: -1,
              // On shutdown stop taking requests, then give the ones in flight (milliseconds
              // each) time to reply before the connection closes; NestJS's default is 10 s.
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
