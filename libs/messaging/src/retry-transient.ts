import { MessagingLogger } from './messaging-logger';

/**
 * Retries JetStream management calls with back-off. Under load, or while a cluster elects a
 * stream leader, the JetStream API can time out or answer with an empty error; a service
 * should ride that out at start-up rather than exit.
 */
export async function retryTransient<T>(
  what: string,
  work: () => Promise<T>,
  logger: MessagingLogger,
  attempts = 8,
  initialDelayMs = 200,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (attempt >= attempts) throw error;
      const delayMs = initialDelayMs * 2 ** (attempt - 1);
      logger.warn({ err: error, attempt, delayMs }, `${what} failed; retrying`);
      await new Promise((resolve) => setTimeout(resolve, delayMs));
    }
  }
}
