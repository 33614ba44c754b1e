import { Envelope, RegisteredWebhookEndpoint, STREAMS, WebhookEndpointBody } from '@complaints/contracts';
import { ConflictError, NotFoundError, Principal } from '@complaints/domain';
import { TestService, complaintEvents, startTestService } from '@complaints/service-testing';
import { waitFor } from '@complaints/testing';
import { EntityManager } from '@mikro-orm/postgresql';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { startNotifications } from '../src/notifications-app';
import { QueueWebhookDeliveries } from '../src/webhooks/queue-webhook-deliveries';
import { RegisterWebhookEndpoint } from '../src/webhooks/register-webhook-endpoint';
import { RetryWebhookDelivery } from '../src/webhooks/retry-webhook-delivery';
import { SendDueWebhooks } from '../src/webhooks/send-due-webhooks';
import { NotificationsConfig, notificationsEnvSchema, toNotificationsConfig } from '../src/notifications-config';
import { NO_ANSWER, WebhookReceiver } from './webhook-receiver';

const mimoAdmin: Principal = { name: 'mimo-admin', role: 'admin', organisationId: 'mimo' };

interface DeliveryRow {
  id: string;
  status: string;
  attempts: number;
  last_status_code: number | null;
  last_error: string | null;
}

/** A port nothing listens on: connections to it are refused. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('webhook delivery', () => {
  const receiver = new WebhookReceiver();
  let notifications: TestService<NotificationsConfig>;

  beforeAll(async () => {
    await receiver.start();
    notifications = await startTestService({
      envSchema: notificationsEnvSchema,
      toConfig: toNotificationsConfig,
      start: startNotifications,
      env: {
        // Email is not under test here: nothing listens on port 1.
        SMTP_URL: 'smtp://127.0.0.1:1',
        PII_ENCRYPTION_KEYS: `test:${randomBytes(32).toString('base64')}`,
        // The receiver listens on 127.0.0.1, as in development.
        WEBHOOKS_ALLOW_PRIVATE_URLS: 'true',
        WEBHOOKS_POLL_INTERVAL_MS: '50',
        WEBHOOKS_TIMEOUT_MS: '1000',
        WEBHOOKS_MAX_ATTEMPTS: '3',
        WEBHOOKS_RETRY_BASE_MS: '100',
        WEBHOOKS_RETRY_MAX_MS: '400',
      },
    });
  }, 60_000);

  afterAll(async () => {
    await notifications?.close();
    await receiver.stop();
  });

  const register = (endpoint: WebhookEndpointBody, principal = mimoAdmin): Promise<RegisteredWebhookEndpoint> =>
    notifications.app.get(RegisterWebhookEndpoint).execute({ principal, endpoint });

  const deliveriesOf = (endpointId: string) =>
    notifications.database.query<DeliveryRow>(
      'select id, status, attempts, last_status_code, last_error from notifications.webhook_deliveries where endpoint_id = $1',
      [endpointId],
    );

  const settledDelivery = (endpointId: string) =>
    waitFor(`the delivery to ${endpointId} to settle`, async () => {
      const [delivery] = await deliveriesOf(endpointId);
      return delivery && delivery.status !== 'pending' ? delivery : undefined;
    });

  /** The events that announced what became of an endpoint's deliveries (webhook.delivered, webhook.failed). */
  const outcomesOf = async (endpointId: string) => {
    const rows = await notifications.database.query<{ payload: { type: string; complaintId: string | null; data: Record<string, unknown> } }>(
      `select payload from notifications.outbox where payload->>'type' like 'webhook.%' and payload->'data'->>'endpointId' = $1
       order by created_at, id`,
      [endpointId],
    );
    return rows.map(({ payload }) => payload);
  };

  /** Publishes an event as its producer would, and gives it back. */
  const publish = async <E extends Envelope>(event: E): Promise<E> => {
    await notifications.bus.publish(event);
    return event;
  };

  it('signs every delivery so that the receiver verifies it, and a changed body fails verification', async () => {
    const endpoint = await register({ url: receiver.url('/signed'), eventTypes: ['complaint.*'] });
    const complaint = complaintEvents({ policyId: 'mimo' });
    const received = await publish(complaint.received());
    const resolved = await publish(complaint.resolved());

    const posts = await waitFor('two deliveries', () => receiver.at('/signed').length >= 2 && receiver.at('/signed'));
    const webhook = new Webhook(endpoint.secret);
    const bodies = posts.map(({ rawBody, headers }) => webhook.verify(rawBody, headers as Record<string, string>));
    expect(bodies).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: received.id, type: 'complaint.received', complaintId: complaint.complaintId, data: received.data }),
        expect.objectContaining({ id: resolved.id, type: 'complaint.resolved', data: resolved.data }),
      ]),
    );
    const [first] = posts as [(typeof posts)[number]];
    expect(first.headers['content-type']).toBe('application/json');
    expect(() => webhook.verify(first.rawBody.replace('"mimo"', '"mit"'), first.headers as Record<string, string>)).toThrow();
    expect(new Set(posts.map(({ headers }) => headers['webhook-id'])).size).toBe(2);
  });

  it('keeps the secret only sealed', async () => {
    const endpoint = await register({ url: receiver.url('/sealed'), eventTypes: ['complaint.received'] });
    const [row] = await notifications.database.query<{ secret_ciphertext: Buffer; secret_key_id: string }>(
      'select secret_ciphertext, secret_key_id from notifications.webhook_endpoints where id = $1',
      [endpoint.id],
    );
    const key = Buffer.from(endpoint.secret.slice('whsec_'.length), 'base64');
    expect(row?.secret_key_id).toBe('test');
    expect(row?.secret_ciphertext.includes(key)).toBe(false);
    expect(row?.secret_ciphertext.toString('latin1')).not.toContain(endpoint.secret);
  });

  it('posts an event redelivered 100 times once, even when the inbox has forgotten it', async () => {
    const endpoint = await register({ url: receiver.url('/once'), eventTypes: ['complaint.received'] });
    const complaint = complaintEvents({ policyId: 'mimo' });
    const received = await publish(complaint.received());
    let lastSequence = 0;
    for (let copy = 0; copy < 99; copy += 1) lastSequence = await notifications.bus.republish(received);
    await waitFor('every copy consumed', () =>
      notifications.bus.acknowledged(STREAMS.complaints, 'notifications-webhooks-complaints', lastSequence),
    );
    // As if the event came back after its inbox record was purged: only the delivery's unique key stands.
    const orm = notifications.app.get(EntityManager);
    await orm.fork().transactional((tx) =>
      notifications.app.get(QueueWebhookDeliveries).execute(tx, received, { policyId: 'mimo', policyVersion: 1 }),
    );
    expect(await settledDelivery(endpoint.id)).toMatchObject({ status: 'delivered', attempts: 1, last_status_code: 204 });
    // A sender run now finds nothing left to send.
    expect(await notifications.app.get(SendDueWebhooks).execute()).toBe(0);
    expect(await deliveriesOf(endpoint.id)).toHaveLength(1);
    expect(receiver.at('/once')).toHaveLength(1);
  });

  it('delivers once after the endpoint answered 503, with the same webhook-id on both attempts', async () => {
    const endpoint = await register({ url: receiver.url('/flaky', [503]), eventTypes: ['complaint.received'] });
    await publish(complaintEvents({ policyId: 'mimo' }).received());

    expect(await settledDelivery(endpoint.id)).toMatchObject({ status: 'delivered', attempts: 2, last_status_code: 204, last_error: null });
    const posts = receiver.at('/flaky');
    expect(posts.map(({ status }) => status)).toEqual([503, 204]);
    expect(posts[0]?.headers['webhook-id']).toBe(posts[1]?.headers['webhook-id']);
    // Only what settled the delivery is announced, once.
    expect(await outcomesOf(endpoint.id)).toEqual([
      expect.objectContaining({
        type: 'webhook.delivered',
        data: expect.objectContaining({ policyId: 'mimo', attempts: 2, statusCode: 204, deliveryId: posts[0]?.headers['webhook-id'] }),
      }),
    ]);
  });

  it('gives up at once on 410 Gone, and after the last attempt on repeated 503s', async () => {
    const gone = await register({ url: receiver.url('/gone', [410]), eventTypes: ['complaint.received'] });
    const down = await register({ url: receiver.url('/down', [503, 503, 503, 503]), eventTypes: ['complaint.received'] });
    await publish(complaintEvents({ policyId: 'mimo' }).received());

    expect(await settledDelivery(gone.id)).toMatchObject({ status: 'dead', attempts: 1, last_status_code: 410, last_error: 'the endpoint answered HTTP 410' });
    expect(await settledDelivery(down.id)).toMatchObject({
      status: 'dead',
      attempts: 3,
      last_status_code: 503,
      last_error: 'the endpoint answered HTTP 503; gave up after 3 attempts',
    });
    expect(receiver.at('/gone')).toHaveLength(1);
    expect(receiver.at('/down')).toHaveLength(3);
    expect(await outcomesOf(gone.id)).toEqual([
      expect.objectContaining({ type: 'webhook.failed', data: expect.objectContaining({ attempts: 1, statusCode: 410, causeEventType: 'complaint.received' }) }),
    ]);
    expect(await outcomesOf(down.id)).toEqual([
      expect.objectContaining({ type: 'webhook.failed', data: expect.objectContaining({ attempts: 3, statusCode: 503 }) }),
    ]);
  });

  it("lets an admin send a dead delivery again, once it is dead, and only their own organisation's", async () => {
    const endpoint = await register({ url: receiver.url('/revived', [410]), eventTypes: ['complaint.received'] });
    const received = await publish(complaintEvents({ policyId: 'mimo' }).received());
    const dead = await settledDelivery(endpoint.id);
    expect(dead).toMatchObject({ status: 'dead', attempts: 1 });
    const retry = notifications.app.get(RetryWebhookDelivery);
    const request = { principal: mimoAdmin, endpointId: endpoint.id, deliveryId: dead.id };

    await expect(retry.execute({ ...request, principal: { name: 'mit-admin', role: 'admin', organisationId: 'mit' } })).rejects.toThrow(NotFoundError);
    await expect(retry.execute({ ...request, principal: { ...mimoAdmin, role: 'agent' } })).rejects.toThrow(/only an admin/);
    const revived = await retry.execute(request);
    expect(revived).toMatchObject({ id: dead.id, eventId: received.id, status: 'pending', attempts: 0 });

    expect(await settledDelivery(endpoint.id)).toMatchObject({ status: 'delivered', attempts: 1, last_status_code: 204 });
    const posts = receiver.at('/revived');
    expect(posts.map(({ status }) => status)).toEqual([410, 204]);
    expect(posts[1]?.headers['webhook-id']).toBe(dead.id);
    expect((await outcomesOf(endpoint.id)).map(({ type }) => type)).toEqual(['webhook.failed', 'webhook.delivered']);
    await expect(retry.execute(request)).rejects.toThrow(ConflictError);
  });

  it('tries again after an endpoint that did not answer in time, and gives up on one that refuses connections', async () => {
    const slow = await register({ url: receiver.url('/slow', [NO_ANSWER]), eventTypes: ['complaint.received'] });
    const closed = await register({ url: `http://127.0.0.1:${await closedPort()}/hooks`, eventTypes: ['complaint.received'] });
    await publish(complaintEvents({ policyId: 'mimo' }).received());

    expect(await settledDelivery(slow.id)).toMatchObject({ status: 'delivered', attempts: 2, last_status_code: 204 });
    expect(receiver.at('/slow').map(({ status }) => status)).toEqual([NO_ANSWER, 204]);
    const refused = await settledDelivery(closed.id);
    expect(refused).toMatchObject({ status: 'dead', attempts: 3, last_status_code: null });
    expect(refused.last_error).toMatch(/ECONNREFUSED.*gave up after 3 attempts/);
  });

  it("sends an organisation's endpoint only its own events of the types it chose; a platform endpoint every organisation's", async () => {
    const mimo = await register({ url: receiver.url('/mimo-resolved'), eventTypes: ['complaint.resolved'] });
    const platform = await register(
      { url: receiver.url('/platform'), eventTypes: ['sla.*'] },
      { name: 'ops', role: 'admin', organisationId: '*' },
    );
    const mit = complaintEvents({ policyId: 'mit' });
    const mimoComplaint = complaintEvents({ policyId: 'mimo' });
    await publish(mit.received());
    await publish(mit.resolved());
    await publish(mimoComplaint.received());
    const mimoResolved = await publish(mimoComplaint.resolved());
    const mitBreach = await publish(mit.clockBreached('resolution'));

    expect(await settledDelivery(mimo.id)).toMatchObject({ status: 'delivered' });
    expect(await settledDelivery(platform.id)).toMatchObject({ status: 'delivered' });
    expect(receiver.at('/mimo-resolved').map(({ rawBody }) => JSON.parse(rawBody).id)).toEqual([mimoResolved.id]);
    expect(receiver.at('/platform').map(({ rawBody }) => JSON.parse(rawBody).id)).toEqual([mitBreach.id]);
  });
});
