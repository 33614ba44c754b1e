import { waitFor } from '@complaints/testing';
import { randomUUID } from 'node:crypto';
import { newComplaint } from './support/complaint-bodies';
import { tcpPeersOf } from './support/process-sockets';
import { API_KEYS, SERVICES } from './support/running-system';
import { systemForFile } from './support/system-for-file';

/** The services that act on a received complaint (notifications looks for webhooks to send); each records it in its inbox. */
const CONSUMERS = ['sla', 'escalation', 'notifications', 'audit'] as const;
const IN_THE_TRACE = ['gateway', 'intake', ...CONSUMERS];

describe('a complaint travelling through the services', () => {
  const sut = systemForFile(SERVICES, { database: true });
  const { receiver } = sut;

  async function submit(apiKey: string, body: unknown = newComplaint()) {
    const response = await fetch(`${sut.system.gatewayUrl()}/v1/complaints`, {
      method: 'POST',
      headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json', 'idempotency-key': randomUUID() },
      body: JSON.stringify(body),
    });
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the test asserts the shape itself
    return { status: response.status, body: (await response.json()) as any };
  }

  async function consumersThatRecorded(complaintId: string): Promise<string[]> {
    const seen: string[] = [];
    for (const service of CONSUMERS) {
      // A service may read the stream with several consumers (notifications: email and webhooks); each records it once.
      const { rows } = await sut.db.query(
        `select count(*)::int as n, count(distinct consumer)::int as consumers from ${service}.inbox
         where complaint_id = $1 and event_type = 'complaint.received'`,
        [complaintId],
      );
      if (rows[0].n > 0 && rows[0].n === rows[0].consumers) seen.push(service);
    }
    return seen;
  }

  it('is accepted by the gateway, recorded once by each consumer and traced as one trace', async () => {
    const created = await submit(API_KEYS.alice);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ policyId: 'mimo', kind: 'complaint', channel: 'email', status: 'received' });
    const complaintId: string = created.body.id;

    await waitFor('every consumer to record the complaint', async () => (await consumersThatRecorded(complaintId)).length === CONSUMERS.length, 20_000);

    const traceId = await waitFor('the consumer spans', () => {
      const traces = new Set(receiver.spans.filter((span) => span.attributes['complaint.id'] === complaintId).map((s) => s.traceId));
      return traces.size === 1 ? [...traces][0] : undefined;
    });
    const servicesInTrace = await waitFor('spans from every service on the way', () => {
      const names = new Set(receiver.spans.filter((span) => span.traceId === traceId).map((span) => span.serviceName));
      return IN_THE_TRACE.every((service) => names.has(service)) ? names : undefined;
    });
    expect([...servicesInTrace].sort()).toEqual([...IN_THE_TRACE].sort());
  });

  it('lets the submitter read the complaint and hides it from another submitter', async () => {
    const created = await submit(API_KEYS.alice);
    const read = async (key: string) => fetch(`${sut.system.gatewayUrl()}/v1/complaints/${created.body.id}`, { headers: { authorization: `Bearer ${key}` } });

    const own = await read(API_KEYS.alice);
    expect(own.status).toBe(200);
    // The complaint as created, without the deadlines it started with (those live on at /sla).
    const { sla, ...complaint } = created.body;
    expect(sla.length).toBeGreaterThan(0);
    expect(await own.json()).toEqual(complaint);
    const agents = await read(API_KEYS.agent);
    expect(agents.status).toBe(200);
    const someoneElse = await read(API_KEYS.bob);
    expect(someoneElse.status).toBe(404);
    expect(someoneElse.headers.get('content-type')).toMatch(/application\/problem\+json/);
  });

  it('rejects requests without a valid API key and bodies with unknown fields as problems', async () => {
    const anonymous = await fetch(`${sut.system.gatewayUrl()}/v1/complaints`, { method: 'POST' });
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('content-type')).toMatch(/application\/problem\+json/);

    const smuggled = await submit(API_KEYS.alice, { ...newComplaint(), status: 'closed' });
    expect(smuggled.status).toBe(400);
    expect(smuggled.body.errors).toEqual([{ field: 'status', message: 'is not a known field' }]);

    const post = (body: string) =>
      fetch(`${sut.system.gatewayUrl()}/v1/complaints`, {
        method: 'POST',
        headers: { authorization: `Bearer ${API_KEYS.alice}`, 'content-type': 'application/json' },
        body,
      });
    const malformed = await post('{"policyId":');
    expect(malformed.status).toBe(400);
    expect(malformed.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(await malformed.json()).toMatchObject({ type: '/problems/malformed-json', status: 400, instance: '/v1/complaints' });
    const huge = await post(JSON.stringify({ ...newComplaint(), description: 'x'.repeat(70_000) }));
    expect(huge.status).toBe(413);
    expect(await huge.json()).toMatchObject({ type: '/problems/body-too-large', status: 413 });
  });

  it('delivers events published while a consumer was stopped once it is back, after a graceful stop or a crash', async () => {
    expect(await sut.system.stopService('sla', 'SIGTERM')).toBe(0);
    await sut.system.stopService('escalation', 'SIGKILL');

    const created = await submit(API_KEYS.alice);
    expect(created.status).toBe(201);
    await waitFor('the running consumers', async () => (await consumersThatRecorded(created.body.id)).length === 2, 20_000);
    expect(await consumersThatRecorded(created.body.id)).toEqual(['notifications', 'audit']);

    await sut.system.startService('sla');
    await sut.system.startService('escalation');
    await waitFor('the restarted consumers to catch up', async () => (await consumersThatRecorded(created.body.id)).length === CONSUMERS.length, 20_000);
  });

  it('serves the API from a gateway that holds no connection to PostgreSQL, unlike intake', async () => {
    expect(sut.system.env('gateway')['DATABASE_URL']).toBeUndefined();
    expect((await submit(API_KEYS.alice)).status).toBe(201);
    const postgresPort = Number(new URL(sut.system.databaseUrl).port || 5432);
    expect(await tcpPeersOf(sut.system.pid('gateway'), postgresPort)).toBe(0);
    // The same look at intake sees its pool: the check can tell.
    expect(await tcpPeersOf(sut.system.pid('intake'), postgresPort)).toBeGreaterThan(0);
  });
});
