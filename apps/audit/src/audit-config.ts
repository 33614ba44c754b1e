import { DatabaseServiceConfig, databaseEnvShape, serviceEnvShape, toDatabaseServiceConfig } from '@complaints/config';
import { Ed25519KeyPair, ed25519KeyPairFromSeed } from '@complaints/transparency-log';
import { z } from 'zod';

/**
 * For development only: used when AUDIT_SIGNING_KEY is unset outside production, so
 * `npm start` works on a fresh clone. Checkpoints signed with it prove nothing.
 */
export const DEVELOPMENT_SIGNING_KEY = 'ZGV2ZWxvcG1lbnQtb25seS1yZWdpc3Rlci1rZXktMzI=';

/** A C2SP key name: the log's origin names the signing key too, so it may hold no space or `+`. */
const origin = z.string().regex(/^[^\s+]{1,200}$/u, 'must be a name without spaces or "+", such as complaints.example/register');

function signingKey(seed: string): Ed25519KeyPair | undefined {
  try {
    return ed25519KeyPairFromSeed(seed);
  } catch {
    return undefined;
  }
}

export const auditEnvSchema = z
  .object({
    ...serviceEnvShape,
    ...databaseEnvShape,
    NODE_ENV: z.string().optional(),
    /** Base64 of the 32-byte Ed25519 seed checkpoints are signed with. */
    AUDIT_SIGNING_KEY: z.string().optional(),
    AUDIT_ORIGIN: origin.default('complaints.example/register'),
    AUDIT_CHECKPOINT_EVERY: z.coerce.number({ error: 'must be a whole number of entries' }).int().min(1).max(1_000_000).default(1000),
    AUDIT_CHECKPOINT_INTERVAL_MS: z.coerce
      .number({ error: 'must be a number of milliseconds' })
      .int()
      .min(100)
      .max(86_400_000)
      .default(10_000),
    /** How often the payloads of complaints whose policy retention ended are purged. */
    AUDIT_RETENTION_SWEEP_INTERVAL_MS: z.coerce
      .number({ error: 'must be a number of milliseconds' })
      .int()
      .min(100)
      .max(86_400_000)
      .default(3_600_000),
  })
  .transform((env, ctx) => {
    const seed = env.AUDIT_SIGNING_KEY ?? (env.NODE_ENV === 'production' ? undefined : DEVELOPMENT_SIGNING_KEY);
    if (seed === undefined) {
      ctx.addIssue({ code: 'custom', path: ['AUDIT_SIGNING_KEY'], message: 'is required in production' });
      return z.NEVER;
    }
    const keyPair = signingKey(seed);
    if (!keyPair) {
      // The message never repeats the value: it is a secret.
      ctx.addIssue({ code: 'custom', path: ['AUDIT_SIGNING_KEY'], message: 'must be base64 of a 32-byte seed (e.g. from `openssl rand -base64 32`)' });
      return z.NEVER;
    }
    return { ...env, keyPair };
  });

/** How the register signs and how often. */
export interface RegisterSettings {
  /** The log's name in every checkpoint, and the signing key's name. */
  readonly origin: string;
  readonly keyPair: Ed25519KeyPair;
  /** A checkpoint once this many entries have been appended since the last one… */
  readonly checkpointEvery: number;
  /** …or, if the register grew at all, after this long. */
  readonly checkpointIntervalMs: number;
}

export interface AuditConfig extends DatabaseServiceConfig {
  readonly register: RegisterSettings;
  readonly retentionSweepIntervalMs: number;
}

export function toAuditConfig(env: z.infer<typeof auditEnvSchema>): AuditConfig {
  return {
    ...toDatabaseServiceConfig('audit', env),
    register: {
      origin: env.AUDIT_ORIGIN,
      keyPair: env.keyPair,
      checkpointEvery: env.AUDIT_CHECKPOINT_EVERY,
      checkpointIntervalMs: env.AUDIT_CHECKPOINT_INTERVAL_MS,
    },
    retentionSweepIntervalMs: env.AUDIT_RETENTION_SWEEP_INTERVAL_MS,
  };
}
