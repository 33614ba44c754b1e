import {
  DatabaseServiceConfig,
  EncryptionKey,
  databaseEnvShape,
  piiKeysEnvShape,
  piiKeysFromEnv,
  serviceEnvShape,
  toDatabaseServiceConfig,
} from '@complaints/config';
import { KeyObject, createSecretKey } from 'node:crypto';
import { z } from 'zod';

/**
 * For development only: used when SURVEY_LINK_SECRET is unset outside production, so
 * `npm start` works on a fresh clone. Links made with it can be forged by anyone who reads this.
 */
export const DEVELOPMENT_SURVEY_LINK_SECRET = 'dev-only-survey-link-secret-change-me-0123456789';
const DEVELOPMENT_PUBLIC_BASE_URL = 'http://localhost:3000';

export const feedbackEnvSchema = z
  .object({
    ...serviceEnvShape,
    ...databaseEnvShape,
    ...piiKeysEnvShape,
    /** The HMAC key survey link tokens are derived with: at least 32 characters. */
    SURVEY_LINK_SECRET: z.string().min(32, 'must be at least 32 characters (e.g. `openssl rand -base64 32`)').optional(),
    /** Where customers reach the gateway's survey page, e.g. https://complaints.example.com. */
    PUBLIC_BASE_URL: z
      .url({ protocol: /^https?$/, error: 'must be an http(s) URL such as https://complaints.example.com' })
      .optional(),
    /** How often surveys whose window ended are expired. */
    SURVEY_EXPIRY_INTERVAL_MS: z.coerce.number().int().min(100).max(3_600_000).default(5000),
  })
  .transform((env, ctx) => {
    const production = env.NODE_ENV === 'production';
    const linkSecret = env.SURVEY_LINK_SECRET ?? (production ? undefined : DEVELOPMENT_SURVEY_LINK_SECRET);
    const publicBaseUrl = env.PUBLIC_BASE_URL ?? (production ? undefined : DEVELOPMENT_PUBLIC_BASE_URL);
    if (linkSecret === undefined) ctx.addIssue({ code: 'custom', path: ['SURVEY_LINK_SECRET'], message: 'is required in production' });
    if (publicBaseUrl === undefined) ctx.addIssue({ code: 'custom', path: ['PUBLIC_BASE_URL'], message: 'is required in production' });
    const piiKeys = piiKeysFromEnv(env, ctx);
    if (piiKeys === z.NEVER || linkSecret === undefined || publicBaseUrl === undefined) return z.NEVER;
    return { ...env, piiKeys, linkSecret, publicBaseUrl };
  });

export interface FeedbackConfig extends DatabaseServiceConfig {
  readonly piiKeys: readonly EncryptionKey[];
  /** A KeyObject, so logging the config never prints the secret. */
  readonly surveyLinkKey: KeyObject;
  /** Without a trailing slash. */
  readonly publicBaseUrl: string;
  readonly surveyExpiryIntervalMs: number;
}

export function toFeedbackConfig(env: z.infer<typeof feedbackEnvSchema>): FeedbackConfig {
  return {
    ...toDatabaseServiceConfig('feedback', env),
    piiKeys: env.piiKeys,
    surveyLinkKey: createSecretKey(Buffer.from(env.linkSecret, 'utf8')),
    publicBaseUrl: env.publicBaseUrl.replace(/\/+$/, ''),
    surveyExpiryIntervalMs: env.SURVEY_EXPIRY_INTERVAL_MS,
  };
}
