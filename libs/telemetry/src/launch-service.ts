import { ServiceConfig, exitOnStartFailure, loadConfigOrExit } from '@complaints/config';
import { z } from 'zod';
import { Telemetry, startTelemetry } from './start-telemetry';

type StartService<C> = (config: C, telemetry: Telemetry) => Promise<unknown>;

/**
 * What every `main.ts` does, in the order that matters: validate the environment (one-line
 * error and exit on a bad variable), start OpenTelemetry, and only then load the NestJS
 * application, so instrumentations can patch NestJS, express and pg as they are first loaded.
 */
export function launchService<S extends z.ZodType, C extends ServiceConfig>(
  serviceName: string,
  envSchema: S,
  toConfig: (env: z.infer<S>) => C,
  loadStart: () => Promise<StartService<C>>,
): void {
  // toConfig's own checks (credentials required in production…) also end in the one-line exit.
  const config: C = loadConfigOrExit(serviceName, envSchema.transform((env) => toConfig(env)), process.env);
  const telemetry = startTelemetry({ serviceName: config.serviceName, otlpEndpoint: config.otlpEndpoint });
  loadStart()
    .then((start) => start(config, telemetry))
    .catch(exitOnStartFailure(serviceName));
}
