import { DatabaseServiceConfig, databaseEnvShape, piiKeysEnvShape, piiKeysFromEnv, serviceEnvShape, toDatabaseServiceConfig } from '@complaints/config';
import { z } from 'zod';
import { DEFAULT_RETRY_SCHEDULE, RetrySchedule } from './delivery/retry-schedule';
import { toWebhookConfig, webhookEnvShape, WithWebhookConfig } from './webhooks/webhook-config';

/** Where `npm start`'s mail catcher and docker-compose's Mailpit listen. */
const LOCAL_SMTP_URL = 'smtp://127.0.0.1:1025';

const smtpUrl = z.string().refine(
  (value) => {
    try {
      return ['smtp:', 'smtps:'].includes(new URL(value).protocol);
    } catch {
      return false;
    }
  },
  { message: 'must be a URL such as smtp://127.0.0.1:1025 or smtps://user:password@mail.example.com:465' },
);

const milliseconds = (what: string) => z.coerce.number({ error: `must be a number of milliseconds (${what})` }).int().positive();

/** `Name <address>` or a bare address; its domain names every Message-ID. */
const mailFrom = z
  .string()
  .refine((value) => /^([^<>]*<)?[^@<>\s]+@[^@<>\s]+>?$/.test(value.trim()), {
    message: 'must be an address such as complaints@example.com or "Complaints <complaints@example.com>"',
  });

export const notificationsEnvSchema = z
  .object({
    ...serviceEnvShape,
    ...databaseEnvShape,
    // Webhook signing secrets are sealed at rest with the same key ring as intake's personal data.
    ...piiKeysEnvShape,
    ...webhookEnvShape,
    SMTP_URL: smtpUrl.optional(),
    MAIL_FROM: mailFrom.default('Complaints <complaints@localhost>'),
    NOTIFY_RETRY_BASE_MS: milliseconds('the first retry’s step').default(DEFAULT_RETRY_SCHEDULE.baseDelayMs),
    NOTIFY_RETRY_MAX_MS: milliseconds('the longest wait between attempts').default(DEFAULT_RETRY_SCHEDULE.maxDelayMs),
    NOTIFY_MAX_ATTEMPTS: z.coerce.number({ error: 'must be a number of attempts' }).int().min(1).max(100).default(DEFAULT_RETRY_SCHEDULE.maxAttempts),
    NOTIFY_POLL_MS: milliseconds('how often due deliveries are looked for').default(1000),
  })
  // Outside production a missing SMTP_URL means the local mail catcher; in production a guess would lose mail.
  .transform((env, ctx) => {
    if (env.SMTP_URL === undefined && env.NODE_ENV === 'production') {
      ctx.addIssue({ code: 'custom', path: ['SMTP_URL'], message: 'is required in production' });
    }
    const piiKeys = piiKeysFromEnv(env, ctx);
    return piiKeys === z.NEVER ? z.NEVER : { ...env, piiKeys };
  });

export interface NotificationsConfig extends DatabaseServiceConfig, WithWebhookConfig {
  readonly smtpUrl: string;
  readonly mailFrom: string;
  readonly retrySchedule: RetrySchedule;
  readonly pollIntervalMs: number;
}

export function toNotificationsConfig(env: z.infer<typeof notificationsEnvSchema>): NotificationsConfig {
  return {
    ...toDatabaseServiceConfig('notifications', env),
    smtpUrl: env.SMTP_URL ?? LOCAL_SMTP_URL,
    mailFrom: env.MAIL_FROM,
    retrySchedule: { maxAttempts: env.NOTIFY_MAX_ATTEMPTS, baseDelayMs: env.NOTIFY_RETRY_BASE_MS, maxDelayMs: env.NOTIFY_RETRY_MAX_MS },
    pollIntervalMs: env.NOTIFY_POLL_MS,
    webhooks: toWebhookConfig(env, env.piiKeys),
  };
}
