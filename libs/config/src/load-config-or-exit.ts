import { z } from 'zod';
import { ConfigError, loadConfig } from './load-config';

/**
 * For `main.ts`: a bad environment ends the process with one line on stderr naming the
 * variable, because a stack trace hides the one thing an operator needs to fix.
 */
export function loadConfigOrExit<S extends z.ZodType>(
  serviceName: string,
  schema: S,
  env: Record<string, string | undefined>,
): z.infer<S> {
  try {
    return loadConfig(schema, env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${serviceName}: ${error.message}\n`);
    process.exit(78); // EX_CONFIG
  }
}

/** For main.ts: a service that cannot start says why in one line and exits non-zero. */
export function exitOnStartFailure(serviceName: string): (error: unknown) => never {
  return (error) => {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`${serviceName}: failed to start: ${message.split('\n')[0]}\n`);
    process.exit(1);
  };
}
