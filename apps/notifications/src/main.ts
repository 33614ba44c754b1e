import { serviceEnvSchema, toDatabaseServiceConfig } from '@complaints/config';
import { launchService } from '@complaints/telemetry';

launchService(
  'notifications',
  serviceEnvSchema,
  (env) => toDatabaseServiceConfig('notifications', env),
  async () => (await import('./notifications-app.js')).startNotifications,
);
