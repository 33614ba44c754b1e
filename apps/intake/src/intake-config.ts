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
    IDEMPOTENCY_TTL_HOURS: z.coerce.number({ error: 'must be a number of hours' }).int().min(24, 'must be at least 24').default(24),
  })
  .transform((env, ctx) => {
    const piiKeys = piiKeysFromEnv(env, ctx);
    return piiKeys === z.NEVER ? z.NEVER : { ...env, piiKeys };
  });

export interface IntakeConfig extends DatabaseServiceConfig {
  readonly piiKeys: readonly EncryptionKey[];
  readonly idempotencyTtlHours: number;
}

export function toIntakeConfig(env: z.infer<typeof intakeEnvSchema>): IntakeConfig {
  return { ...toDatabaseServiceConfig('intake', env), piiKeys: env.piiKeys, idempotencyTtlHours: env.IDEMPOTENCY_TTL_HOURS };
}
