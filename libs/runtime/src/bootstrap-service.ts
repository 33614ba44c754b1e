import { ServiceConfig } from '@complaints/config';
import { TracedNatsServer, natsConnectionOptions } from '@complaints/messaging';
import { Telemetry } from '@complaints/telemetry';
import { DynamicModule, INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { topologyOf } from './service-core.module';

const TELEMETRY_FLUSH_MS = 3000;

export interface BootstrapOptions {
  /**
   * Serve the service's `@Answers` handlers over NATS request-reply, one queue group per
   * service (its name), so each request goes to one of its replicas.
   */
  readonly answersRequests?: boolean;
  /** Extra set-up between creation and listen. */
  readonly configure?: (app: INestApplication) => void | Promise<void>;
  /** Host to bind; all interfaces by default, as a container needs. */
  readonly host?: string;
  /** False when the service installs its own body parser (with its own limits). */
  readonly bodyParser?: boolean;
}

/**
 * Creates, starts and (on SIGTERM/SIGINT) gracefully stops one service: stop taking work,
 * drain consumers and the relay, close NATS and PostgreSQL, flush telemetry, exit 0.
 */
export async function bootstrapService(
  module: DynamicModule,
  config: ServiceConfig,
  telemetry: Telemetry,
  options: BootstrapOptions = {},
): Promise<INestApplication> {
  // Start-up failures go to the caller, which reports them in one line; Nest's own console
  // logger stays silent until the structured logger takes over.
  const app = await NestFactory.create(module, {
    logger: false,
    abortOnError: false,
    bodyParser: options.bodyParser ?? true,
  });
  const logger = app.get(Logger);
  app.useLogger(logger);
  if (options.answersRequests) connectRequestReplyServer(app, config);
  await options.configure?.(app);
  // Initialise first: module hooks (migrations, the policy catalogue catching up, consumers)
  // run before a request subject is subscribed, so no request is answered by a service that
  // is not ready. A hybrid application would otherwise subscribe them in startAllMicroservices.
  await app.init();
  await app.startAllMicroservices();
  await app.listen(config.port, options.host ?? '0.0.0.0');
  logger.log(`${config.serviceName} ready on port ${config.port}`);

  let stopping = false;
  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.log(`${signal} received: shutting down`);
    const forceExit = setTimeout(() => process.exit(1), 15_000);
    forceExit.unref();
    try {
      await app.close();
      // Flushing spans must not hold a stop hostage (an unreachable collector, a slow SDK
      // shutdown): give it a few seconds, then exit anyway.
      await Promise.race([telemetry.shutdown(), new Promise((resolve) => setTimeout(resolve, TELEMETRY_FLUSH_MS).unref())]);
      process.exit(0);
    } catch (error) {
      logger.error({ err: error }, 'shutdown failed');
      process.exit(1);
    }
  };
  process.once('SIGTERM', (signal) => void stop(signal));
  process.once('SIGINT', (signal) => void stop(signal));
  return app;
}

function connectRequestReplyServer(app: INestApplication, config: ServiceConfig): void {
  app.connectMicroservice(
    {
      strategy: new TracedNatsServer(
        {
          ...natsConnectionOptions(config, `${config.serviceName}-requests`),
          queue: config.serviceName,
          waitOnFirstConnect: true,
          maxReconnectAttempts: -1,
          // On shutdown stop taking requests, then give the ones in flight (milliseconds
          // each) time to reply before the connection closes; NestJS's default is 10 s.
          gracefulShutdown: true,
          gracePeriod: 1500,
        },
        topologyOf(config),
      ),
    },
    { inheritAppConfig: true },
  );
}
