import { Telemetry, startTelemetry } from '@complaints/telemetry';
import { TestGateway, bearer, startTestGateway } from './support/test-gateway';

const AGENT_KEY = 'test-agent-key-00001';
const ADMIN_KEY = 'test-admin-key-00001';
const SUBMITTER_KEY = 'test-submitter-key-01';
const COMPLAINT = '0193a0b1-7c2e-7000-8000-000000000001';
const DELIVERY = '0193a0b1-7c2e-7000-8000-0000000000d1';

interface Problem {
  status: number;
  errors?: { field: string; message: string }[];
}

describe('notification routes', () => {
  let telemetry: Telemetry;
  let gateway: TestGateway;

  beforeAll(async () => {
    telemetry = startTelemetry({ serviceName: 'gateway' });
    gateway = await startTestGateway(telemetry, {
      API_KEYS: `agent:${AGENT_KEY}:agent:*,admin:${ADMIN_KEY}:admin:*,submitter:${SUBMITTER_KEY}:submitter:*`,
    });
  });
  afterAll(async () => {
    await gateway?.close();
    await telemetry?.shutdown();
  });

  const call = (method: string, path: string, key: string): Promise<Response> =>
    fetch(`${gateway.url}/v1/complaints/${path}`, { method, headers: bearer(key) });

  async function problemOf(response: Response): Promise<Problem> {
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    return (await response.json()) as Problem;
  }

  it.each([
    ['GET', 'not-a-uuid/notifications', 'id'],
    ['POST', `${COMPLAINT}/notifications/nope/retry`, 'deliveryId'],
  ])('refuses %s %s with a problem naming %s', async (method, path, field) => {
    const problem = await problemOf(await call(method, path, method === 'GET' ? AGENT_KEY : ADMIN_KEY));
    expect(problem.status).toBe(400);
    expect(problem.errors?.map((error) => error.field)).toContain(field);
  });

  it('lets agents and admins read a complaint’s notifications, and only admins retry one', async () => {
    expect((await problemOf(await call('GET', `${COMPLAINT}/notifications`, SUBMITTER_KEY))).status).toBe(403);
    expect((await problemOf(await call('POST', `${COMPLAINT}/notifications/${DELIVERY}/retry`, AGENT_KEY))).status).toBe(403);
    // The notifications service is not running here, so a request past every check of the gateway ends as 503.
    expect((await problemOf(await call('GET', `${COMPLAINT}/notifications`, AGENT_KEY))).status).toBe(503);
    expect((await problemOf(await call('GET', `${COMPLAINT}/notifications`, ADMIN_KEY))).status).toBe(503);
    expect((await problemOf(await call('POST', `${COMPLAINT}/notifications/${DELIVERY}/retry`, ADMIN_KEY))).status).toBe(503);
  });
});
