import { ComplaintReceivedV1, STREAMS, StreamDefinition, replayDeadLetterRequest } from '@complaints/contracts';
import { ensureDeadLetterStream } from '@complaints/messaging';
import { answer, answerRequests, complaintEvents } from '@complaints/service-testing';
import { Telemetry, startTelemetry } from '@complaints/telemetry';
import { testInfrastructure } from '@complaints/testing';
import { INestMicroservice } from '@nestjs/common';
import { NatsConnection, connect, headers } from 'nats';
import { TestGateway, bearer, startTestGateway } from './support/test-gateway';

const PLATFORM_ADMIN_KEY = 'test-platform-admin-key-1';
const MIMO_ADMIN_KEY = 'test-mimo-admin-key-0001';
const AGENT_KEY = 'test-agent-key-00001';

interface Problem {
  status: number;
  detail?: string;
  errors?: { field: string; message: string }[];
}

/**
 * The dead-letter admin routes on a real gateway and a real dead-letter stream, written here as
 * the consumers write it. No service runs: a replay reaches the owning service's subject, where
 * a test responder plays that service or nothing answers.
 */
describe('dead-letter admin routes', () => {
  let telemetry: Telemetry;
  let gateway: TestGateway;
  let nats: NatsConnection;

  beforeAll(async () => {
    telemetry = startTelemetry({ serviceName: 'gateway' });
    gateway = await startTestGateway(telemetry, {
      API_KEYS: `admin:${PLATFORM_ADMIN_KEY}:operator:*,admin:${MIMO_ADMIN_KEY}:mimo-admin:mimo,agent:${AGENT_KEY}:agent:*`,
    });
    nats = await connect({ servers: (await testInfrastructure()).natsUrl });
    await ensureDeadLetterStream(await nats.jetstreamManager(), gateway.bus.topology);
  });
  afterAll(async () => {
    await nats?.close();
    await gateway?.close();
    await telemetry?.shutdown();
  });

  const call = (method: string, path: string, key: string): Promise<Response> =>
    fetch(`${gateway.url}/v1/admin/dead-letters${path}`, { method, headers: bearer(key) });

  async function problemOf(response: Response): Promise<Problem> {
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    return (await response.json()) as Problem;
  }

  /** What a consumer that gave up on an event writes to the dead letters; returns its seq there. */
  async function deadLetter(consumer: string, stream: StreamDefinition = STREAMS.complaints): Promise<number> {
    const { topology } = gateway.bus;
    const h = headers();
    h.set('Dead-Letter-Reason', `rejected by ${consumer}`);
    h.set('Original-Subject', topology.eventSubject(ComplaintReceivedV1));
    h.set('Original-Consumer', consumer);
    const event = complaintEvents().received();
    const subject = topology.deadLetterSubject(topology.streamName(stream), consumer);
    return (await nats.jetstream().publish(subject, JSON.stringify(event), { headers: h })).seq;
  }

  it.each([
    ['GET', '?cursor=abc', 'cursor'],
    ['GET', '?cursor=0', 'cursor'],
    ['GET', '?limit=0', 'limit'],
    ['GET', '?limit=501', 'limit'],
    ['GET', '?limit=ten', 'limit'],
    ['GET', '?consumer=sla.>', 'consumer'],
    ['GET', '?colour=red', 'colour'],
    ['POST', '/abc/replay', 'seq'],
    ['POST', '/0/replay', 'seq'],
    ['POST', '/1.5/replay', 'seq'],
  ])('refuses %s /v1/admin/dead-letters%s with a problem naming %s', async (method, path, field) => {
    const problem = await problemOf(await call(method, path, PLATFORM_ADMIN_KEY));
    expect(problem.status).toBe(400);
    expect(problem.errors?.map((error) => error.field)).toContain(field);
  });

  it("keeps dead letters to the platform's admins: other roles are forbidden, an organisation's admin finds none", async () => {
    const seq = await deadLetter('sla');
    expect((await problemOf(await call('GET', '', AGENT_KEY))).status).toBe(403);
    expect((await problemOf(await call('POST', `/${seq}/replay`, AGENT_KEY))).status).toBe(403);
    expect((await problemOf(await call('GET', '', MIMO_ADMIN_KEY))).status).toBe(404);
    expect((await problemOf(await call('POST', `/${seq}/replay`, MIMO_ADMIN_KEY))).status).toBe(404);
  });

  it('lists the dead letters page by page from the cursor, without their data', async () => {
    const first = await deadLetter('escalation-sla', STREAMS.sla);
    const second = await deadLetter('escalation-sla', STREAMS.sla);
    const third = await deadLetter('escalation-sla', STREAMS.sla);

    const page = await call('GET', '?consumer=escalation-sla&limit=2', PLATFORM_ADMIN_KEY);
    expect(page.status).toBe(200);
    const body = (await page.json()) as { items: Record<string, unknown>[]; nextCursor: string | null };
    expect(body.items.map((item) => item.seq)).toEqual([first, second]);
    expect(body.items[0]).toEqual({
      seq: first,
      consumer: 'escalation-sla',
      stream: gateway.bus.topology.streamName(STREAMS.sla),
      subject: gateway.bus.topology.eventSubject(ComplaintReceivedV1),
      eventId: expect.any(String),
      type: 'complaint.received',
      occurredAt: expect.any(String),
      reason: 'rejected by escalation-sla',
      deadLetteredAt: expect.any(String),
    });
    expect(body.nextCursor).toBe(String(third));
    const rest = (await (
      await call('GET', `?consumer=escalation-sla&cursor=${body.nextCursor}`, PLATFORM_ADMIN_KEY)
    ).json()) as typeof body;
    expect(rest).toEqual({ items: [expect.objectContaining({ seq: third })], nextCursor: null });
  });

  it('replays a dead letter through the service that owns its consumer, with the caller', async () => {
    const seq = await deadLetter('escalation-sla', STREAMS.sla);
    const asked: unknown[] = [];
    const escalation: INestMicroservice = await answerRequests(
      (await testInfrastructure()).natsUrl,
      gateway.config.natsNamespace ?? '',
      [
        answer(replayDeadLetterRequest('escalation'), async (request) => {
          asked.push(request);
          return { seq: request.seq, consumer: 'escalation-sla', outcome: 'processed' as const };
        }),
      ],
    );
    try {
      const response = await call('POST', `/${seq}/replay`, PLATFORM_ADMIN_KEY);
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ seq, consumer: 'escalation-sla', outcome: 'processed' });
      expect(asked).toEqual([{ principal: { name: 'operator', role: 'admin', organisationId: '*' }, seq }]);
    } finally {
      await escalation.close();
    }
  });

  it('answers 404 for no such dead letter, 409 for a consumer no service has any more, 503 while its service is away', async () => {
    const missing = await problemOf(await call('POST', '/999999/replay', PLATFORM_ADMIN_KEY));
    expect(missing.status).toBe(404);

    const orphan = await deadLetter('renamed-long-ago');
    const conflict = await problemOf(await call('POST', `/${orphan}/replay`, PLATFORM_ADMIN_KEY));
    expect(conflict).toMatchObject({ status: 409, detail: expect.stringContaining('renamed-long-ago') });

    const slaAway = await deadLetter('sla');
    const away = await call('POST', `/${slaAway}/replay`, PLATFORM_ADMIN_KEY);
    expect((await problemOf(away)).status).toBe(503);
    expect(away.headers.get('retry-after')).toBe('1');
  });
});
