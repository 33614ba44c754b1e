import { TestService, declaredBusAccess, observedBusAccess, startTestService } from '@complaints/service-testing';
import { NotificationsConfig, notificationsEnvSchema, toNotificationsConfig } from '../src/notifications-config';
import { startNotifications } from '../src/notifications-app';

/** What notifications does on NATS is what the access table, and so its deployed NATS user, allows it. */
describe('notifications on the bus', () => {
  let notifications: TestService<NotificationsConfig>;

  beforeAll(async () => {
    notifications = await startTestService({
      envSchema: notificationsEnvSchema,
      toConfig: toNotificationsConfig,
      start: startNotifications,
      env: { SMTP_URL: 'smtp://127.0.0.1:1' },
    });
  }, 60_000);
  afterAll(() => notifications?.close());

  it('creates exactly the durable consumers and answers exactly the requests the NATS access table grants it', async () => {
    expect(await observedBusAccess(notifications)).toEqual(declaredBusAccess('notifications'));
  });
});
