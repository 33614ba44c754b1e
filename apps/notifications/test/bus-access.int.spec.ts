import { describeBusAccess } from '@complaints/service-testing';
import { notificationsEnvSchema, toNotificationsConfig } from '../src/notifications-config';
import { startNotifications } from '../src/notifications-app';

/** What notifications does on NATS is what the access table, and so its deployed NATS user, allows it. */
describeBusAccess('notifications', {
  envSchema: notificationsEnvSchema,
  toConfig: toNotificationsConfig,
  start: startNotifications,
  env: { SMTP_URL: 'smtp://127.0.0.1:1' },
});
