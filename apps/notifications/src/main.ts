import { serviceEnvSchema, toServiceConfig } from '@complaints/config';
import { launchService } from '@complaints/telemetry';

launchService(
  'notifications',
  serviceEnvSchema,
  (env) => toServiceConfig('notifications', env),
  async () => (await import('./notifications-app.js')).startNotifications,
);
