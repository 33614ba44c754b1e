import { ServiceConfig, serviceEnvShape, toServiceConfig } from '@complaints/config';
import { z } from 'zod';

export const intakeEnvSchema = z.object({ ...serviceEnvShape });

export type IntakeConfig = ServiceConfig;

export function toIntakeConfig(env: z.infer<typeof intakeEnvSchema>): IntakeConfig {
  return toServiceConfig('intake', env);
}
