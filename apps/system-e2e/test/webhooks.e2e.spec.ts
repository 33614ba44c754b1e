import { waitFor } from '@complaints/testing';
import { IncomingHttpHeaders, Server, createServer } from 'node:http';
import { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { expectStatus, problemFields } from './support/api-client';
import { newComplaint } from './support/complaint-bodies';
import { API_KEYS } from './support/running-system';
import { systemForFile } from './support/system-for-file';

/*
 * Signed webhooks through the gateway (issue #13 item 4): admins register endpoints, the
 * notifications service refuses private addresses unless development allows them, and a
 * receiver verifies each delivery with the Standard Webhooks library as a customer would.
 */

interface Received {
  readonly headers: IncomingHttpHeaders;
  readonly rawBody: string;
}

/** A customer's endpoint on this machine: answers 204 and keeps what it got. */
async function startReceiver(): Promise<{ url: string; received: Received[]; stop: () => Promise<void> }> {
  const received: Received[] = [];
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push({ headers: request.headers, rawBody: Buffer.concat(chunks).toString('utf8') });
      response.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`,
    received,
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

describe('webhooks, as deployed (private addresses refused)', () => {
  const { api } = systemForFile(['gateway', 'notifications']);

  const register = (key: string, json: unknown) => api.call('POST', '/v1/webhooks', { key, json });

  it('refuses an endpoint on a private or loopback address with a 422 problem naming url', async () => {
    for (const url of ['https://127.0.0.1/hooks', 'https://10.0.0.8/hooks', 'https://169.254.169.254/latest', 'https://localhost/hooks']) {
      const response = await register(API_KEYS.mimoAdmin, { url, eventTypes: ['complaint.*'] });
      expect({ url, status: response.status, contentType: response.contentType }).toEqual({
        url,
        status: 422,
        contentType: expect.stringContaining('application/problem+json'),
      });
      expect(problemFields(response)).toEqual(['url']);
    }
    const plainHttp = await register(API_KEYS.mimoAdmin, { url: 'http://hooks.example.com/', eventTypes: ['complaint.*'] });
    expect(plainHttp.status).toBe(422);
    expect(problemFields(plainHttp)).toEqual(['url']);
  });

  it('answers bad input with a 400 problem naming each field', async () => {
    const unknownType = await register(API_KEYS.mimoAdmin, { url: 'https://hooks.example.com/', eventTypes: ['complaint.deleted'] });
    expect(unknownType.status).toBe(400);
    expect(problemFields(unknownType)).toEqual(['eventTypes.0']);
    const unknownField = await register(API_KEYS.mimoAdmin, { url: 'https://hooks.example.com/', eventTypes: ['complaint.*'], secret: 'mine' });
    expect(unknownField.status).toBe(400);
    expect(problemFields(unknownField)).toEqual(['secret']);
    const notUrl = await register(API_KEYS.mimoAdmin, { url: 'file:///etc/passwd', eventTypes: ['complaint.*'] });
    expect(problemFields(notUrl)).toEqual(['url']);
    const huge = await api.call('POST', '/v1/webhooks', {
      key: API_KEYS.mimoAdmin,
      json: { url: 'https://hooks.example.com/', eventTypes: ['complaint.*'], description: 'x'.repeat(200_000) },
    });
    expect(huge.status).toBe(413);
  });

  it('is for admins: an agent is refused, and so is an admin registering for another organisation', async () => {
    expect((await api.get(API_KEYS.mimoAgent, '/v1/webhooks')).status).toBe(403);
    const elsewhere = await register(API_KEYS.mimoAdmin, { url: 'https://hooks.example.com/', eventTypes: ['complaint.*'], organisationId: 'mit' });
    expect(elsewhere.status).toBe(403);
  });
});

describe('webhooks in development (private addresses allowed)', () => {
  const { api } = systemForFile(['gateway', 'intake', 'notifications'], { env: () => ({ notifications: { WEBHOOKS_ALLOW_PRIVATE_URLS: 'true' } }) });
  let receiver: Awaited<ReturnType<typeof startReceiver>>;

  beforeAll(async () => {
    receiver = await startReceiver();
  });
  afterAll(() => receiver?.stop());

  it('posts a signed complaint.received to a receiver on 127.0.0.1 after a submission', async () => {
    const registered = expectStatus(
      await api.call('POST', '/v1/webhooks', {
        key: API_KEYS.mimoAdmin,
        json: { url: receiver.url, eventTypes: ['complaint.received'], description: 'CRM' },
      }),
      201,
    );
    const endpoint = registered.body;
    expect(registered.headers.get('location')).toBe(`/v1/webhooks/${endpoint.id}`);
    expect(endpoint).toMatchObject({ organisationId: 'mimo', url: receiver.url, eventTypes: ['complaint.received'], createdBy: 'mimo-admin' });
    expect(endpoint.secret).toMatch(/^whsec_/);

    const complaint = expectStatus(await api.create(API_KEYS.mimoSubmitter, newComplaint({ policyId: 'mimo' })), 201).body;
    const delivery = await waitFor('the webhook', () => receiver.received[0], 20_000, 100);
    const event = new Webhook(endpoint.secret).verify(delivery.rawBody, delivery.headers as Record<string, string>);
    expect(event).toMatchObject({ type: 'complaint.received', complaintId: complaint.id, data: { reference: complaint.reference, policyId: 'mimo' } });
    // Events carry no personal data, so neither does the webhook.
    expect(delivery.rawBody).not.toContain('Ada Lovelace');
    expect(delivery.rawBody).not.toContain('ada.lovelace@example.org');

    const deliveries = await waitFor('the delivery recorded', async () => {
      const { body } = expectStatus(await api.get(API_KEYS.mimoAdmin, `/v1/webhooks/${endpoint.id}/deliveries`), 200);
      return body.items[0]?.status === 'delivered' && body.items;
    });
    expect(deliveries).toEqual([
      expect.objectContaining({ id: delivery.headers['webhook-id'], eventType: 'complaint.received', status: 'delivered', attempts: 1, lastError: null }),
    ]);

    // Only a dead delivery can be sent again, by its organisation's admin.
    const retry = (key: string, deliveryId: string) =>
      api.call('POST', `/v1/webhooks/${endpoint.id}/deliveries/${deliveryId}/retry`, { key });
    const delivered = String(delivery.headers['webhook-id']);
    expect((await retry(API_KEYS.mimoAdmin, delivered)).status).toBe(409);
    expect((await retry(API_KEYS.mitAdmin, delivered)).status).toBe(404);
    expect((await retry(API_KEYS.mimoAdmin, '0199a8a0-0000-7000-8000-000000000000')).status).toBe(404);
    expect((await retry(API_KEYS.mimoAgent, delivered)).status).toBe(403);
    const malformed = await retry(API_KEYS.mimoAdmin, 'not-a-uuid');
    expect(malformed.status).toBe(400);
    expect(problemFields(malformed)).toEqual(['deliveryId']);
  });

  it("never shows the secret again, keeps each organisation's endpoints to its own admins, and deletes with 204", async () => {
    const endpoint = expectStatus(
      await api.call('POST', '/v1/webhooks', { key: API_KEYS.mimoAdmin, json: { url: receiver.url, eventTypes: ['sla.*'] } }),
      201,
    ).body;
    const path = `/v1/webhooks/${endpoint.id}`;

    const read = expectStatus(await api.get(API_KEYS.mimoAdmin, path), 200).body;
    expect(read).not.toHaveProperty('secret');
    const listed = expectStatus(await api.get(API_KEYS.mimoAdmin, '/v1/webhooks'), 200).body;
    expect(listed.items.map((item: { id: string }) => item.id)).toContain(endpoint.id);
    expect(JSON.stringify(listed)).not.toContain('whsec_');

    // Another organisation's admin: not found on every route, and absent from its list.
    expect((await api.get(API_KEYS.mitAdmin, path)).status).toBe(404);
    expect((await api.get(API_KEYS.mitAdmin, `${path}/deliveries`)).status).toBe(404);
    expect((await api.call('DELETE', path, { key: API_KEYS.mitAdmin })).status).toBe(404);
    const mitList = expectStatus(await api.get(API_KEYS.mitAdmin, '/v1/webhooks'), 200).body;
    expect(mitList.items).toEqual([]);
    // The platform's admin sees every organisation's.
    expect((await api.get(API_KEYS.admin, path)).status).toBe(200);

    expect((await api.call('DELETE', path, { key: API_KEYS.mimoAdmin })).status).toBe(204);
    expect((await api.get(API_KEYS.mimoAdmin, path)).status).toBe(404);
  });
});
