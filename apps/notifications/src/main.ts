import { launchService } from '@complaints/telemetry';
import { notificationsEnvSchema, toNotificationsConfig } from './notifications-config';

launchService(
  'notifications',
  notificationsEnvSchema,
  toNotificationsConfig,
  async () => (await import('./notifications-app.js')).startNotifications,
);
