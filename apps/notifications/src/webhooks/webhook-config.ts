import { EncryptionKey } from '@complaints/config';
import { z } from 'zod';
import { DEFAULT_RETRY_SCHEDULE, RetrySchedule } from '../delivery/retry-schedule';

const milliseconds = (what: string) => z.coerce.number({ error: `must be ${what} in milliseconds` }).int().positive(`must be ${what} in milliseconds`);

/** The variables of webhook delivery, beside the service's own and PII_ENCRYPTION_KEYS. */
export const webhookEnvShape = {
  /**
   * Development only: accept endpoints on loopback, link-local and private addresses, and
   * plain http, so a receiver on the developer's machine can be tried. Never in production:
   * it lets an admin make the service call into the network it runs in (SSRF).
   */
  WEBHOOKS_ALLOW_PRIVATE_URLS: z.enum(['true', 'false'], { error: 'must be true or false' }).default('false'),
  /** How long an endpoint has to answer one delivery. */
  WEBHOOKS_TIMEOUT_MS: milliseconds('a time').default(10_000),
  /** How often due deliveries are looked for (new ones are sent at once). */
  WEBHOOKS_POLL_INTERVAL_MS: milliseconds('an interval').default(1_000),
  WEBHOOKS_MAX_ATTEMPTS: z.coerce.number({ error: 'must be a number of attempts' }).int().min(1).default(DEFAULT_RETRY_SCHEDULE.maxAttempts),
  WEBHOOKS_RETRY_BASE_MS: milliseconds('a delay').default(DEFAULT_RETRY_SCHEDULE.baseDelayMs),
  WEBHOOKS_RETRY_MAX_MS: milliseconds('a delay').default(DEFAULT_RETRY_SCHEDULE.maxDelayMs),
};

export interface WebhookConfig {
  readonly allowPrivateUrls: boolean;
  readonly timeoutMs: number;
  readonly pollIntervalMs: number;
  readonly retrySchedule: RetrySchedule;
  /** The key ring that seals each endpoint's signing secret at rest. */
  readonly secretKeys: readonly EncryptionKey[];
}

type WebhookEnv = z.infer<z.ZodObject<typeof webhookEnvShape>>;

export function toWebhookConfig(env: WebhookEnv, secretKeys: readonly EncryptionKey[]): WebhookConfig {
  return {
    allowPrivateUrls: env.WEBHOOKS_ALLOW_PRIVATE_URLS === 'true',
    timeoutMs: env.WEBHOOKS_TIMEOUT_MS,
    pollIntervalMs: env.WEBHOOKS_POLL_INTERVAL_MS,
    retrySchedule: {
      maxAttempts: env.WEBHOOKS_MAX_ATTEMPTS,
      baseDelayMs: env.WEBHOOKS_RETRY_BASE_MS,
      maxDelayMs: env.WEBHOOKS_RETRY_MAX_MS,
    },
    secretKeys,
  };
}

/** Nest token for the `WebhookConfig` the webhook use cases receive. */
export const WEBHOOK_CONFIG = Symbol('WebhookConfig');

/** What a service that delivers webhooks carries in its config. */
export interface WithWebhookConfig {
  readonly webhooks: WebhookConfig;
}
