import {
  DatabaseServiceConfig,
  databaseEnvShape,
  EncryptionKey,
  piiKeysEnvShape,
  piiKeysFromEnv,
  serviceEnvShape,
  toDatabaseServiceConfig,
} from '@complaints/config';
import { z } from 'zod';

export const intakeEnvSchema = z
  .object({
    ...serviceEnvShape,
    ...databaseEnvShape,
    ...piiKeysEnvShape,
    /** How often closed complaints whose retention ended have their personal data erased. */
    RETENTION_SWEEP_INTERVAL_MS: z.coerce
      .number({ error: 'must be a number of milliseconds' })
      .int()
      .min(100, 'must be at least 100')
      .default(600_000),
    IDEMPOTENCY_TTL_HOURS: z.coerce.number({ error: 'must be a number of hours' }).int().min(24, 'must be at least 24').default(24),
  })
  .transform((env, ctx) => {
    const piiKeys = piiKeysFromEnv(env, ctx);
    return piiKeys === z.NEVER ? z.NEVER : { ...env, piiKeys };
  });

export interface IntakeConfig extends DatabaseServiceConfig {
  readonly piiKeys: readonly EncryptionKey[];
  readonly idempotencyTtlHours: number;
  readonly retentionSweepIntervalMs: number;
}

export function toIntakeConfig(env: z.infer<typeof intakeEnvSchema>): IntakeConfig {
  return { ...toDatabaseServiceConfig('intake', env), piiKeys: env.piiKeys, idempotencyTtlHours: env.IDEMPOTENCY_TTL_HOURS, retentionSweepIntervalMs: env.RETENTION_SWEEP_INTERVAL_MS };
}
