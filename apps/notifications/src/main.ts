import { databaseEnvShape, piiKeysEnvShape, piiKeysFromEnv, serviceEnvShape, toDatabaseServiceConfig } from '@complaints/config';
import { launchService } from '@complaints/telemetry';
import { z } from 'zod';
import { toWebhookConfig, webhookEnvShape } from './webhooks/webhook-config';

const notificationsEnvSchema = z
  .object({ ...serviceEnvShape, ...databaseEnvShape, ...piiKeysEnvShape, ...webhookEnvShape })
  .transform((env, ctx) => {
    const piiKeys = piiKeysFromEnv(env, ctx);
    return piiKeys === z.NEVER ? z.NEVER : { ...env, piiKeys };
  });

launchService(
  'notifications',
  notificationsEnvSchema,
  (env) => ({ ...toDatabaseServiceConfig('notifications', env), webhooks: toWebhookConfig(env, env.piiKeys) }),
  async () => (await import('./notifications-app.js')).startNotifications,
);
