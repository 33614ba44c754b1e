import { LIFECYCLE_ROUTE_SEGMENTS } from '@complaints/contracts';
import { Telemetry, startTelemetry } from '@complaints/telemetry';
import { API_KEYS, TestGateway, bearer, startTestGateway } from './support/test-gateway';

const COMPLAINT_ID = '0196f3c4-8a59-7b1e-9b1a-2f7c8d9e0a1b';

interface Problem {
  status: number;
  errors?: { field: string; message: string }[];
}

describe('lifecycle command routes', () => {
  let telemetry: Telemetry;
  let gateway: TestGateway;

  beforeAll(async () => {
    telemetry = startTelemetry({ serviceName: 'gateway' });
    gateway = await startTestGateway(telemetry);
  });
  afterAll(async () => {
    await gateway?.close();
    await telemetry?.shutdown();
  });

  function post(path: string, key: string | undefined, body?: unknown): Promise<Response> {
    return fetch(`${gateway.url}/v1/complaints/${path}`, {
      method: 'POST',
      headers: {
        ...(key ? bearer(key) : {}),
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  }

  async function problemOf(response: Response): Promise<Problem> {
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    return (await response.json()) as Problem;
  }

  it.each(LIFECYCLE_ROUTE_SEGMENTS)('POST :id/%s validates its own body', async (segment) => {
    const problem = await problemOf(
      await post(`${COMPLAINT_ID}/${segment}`, API_KEYS.agent, { status: 'closed' }),
    );
    expect(problem.status).toBe(400);
    expect(problem.errors).toContainEqual({ field: 'status', message: 'is not a known field' });
  });

  it('takes a command without a body as an empty one, and passes it on to intake', async () => {
    // Intake is not running here, so a request past every check of the gateway ends as 503.
    expect((await post(`${COMPLAINT_ID}/acknowledge`, API_KEYS.agent)).status).toBe(503);
  });

  it('names the key a command ran under when its answer did not come, so the retry it asks for applies it once', async () => {
    const unanswered = await post(`${COMPLAINT_ID}/escalate`, API_KEYS.agent, { reason: 'The customer asked for a manager.' });
    expect(unanswered.status).toBe(503);
    const key = unanswered.headers.get('idempotency-key');
    expect(key).toMatch(/^[0-9a-f-]{36}$/);
    expect(unanswered.headers.get('retry-after')).toBe('1');
    expect(((await unanswered.json()) as { detail: string }).detail).toContain(`retry with Idempotency-Key: ${key}`);
    // The client's own key is the one named.
    const withKey = await fetch(`${gateway.url}/v1/complaints/${COMPLAINT_ID}/escalate`, {
      method: 'POST',
      headers: { ...bearer(API_KEYS.agent), 'Content-Type': 'application/json', 'Idempotency-Key': 'my-escalation-1' },
      body: JSON.stringify({ reason: 'The customer asked for a manager.' }),
    });
    expect(withKey.headers.get('idempotency-key')).toBe('my-escalation-1');
  });

  it('refuses a command without an API key, or from a submitter', async () => {
    expect((await post(`${COMPLAINT_ID}/resolve`, undefined, {})).status).toBe(401);
    expect((await post(`${COMPLAINT_ID}/resolve`, API_KEYS.alice, {})).status).toBe(403);
  });

  it('answers a complaint id that is not a UUID with 400 naming the id', async () => {
    const problem = await problemOf(await post('12345/acknowledge', API_KEYS.agent, {}));
    expect(problem.status).toBe(400);
    expect(problem.errors?.map((error) => error.field)).toEqual(['id']);
  });

  it.each(['fly', 'constructor'])(
    'answers an unknown command "%s" with a 404 problem naming the action',
    async (action) => {
      const problem = await problemOf(await post(`${COMPLAINT_ID}/${action}`, API_KEYS.agent, {}));
      expect(problem.status).toBe(404);
      expect(problem.errors?.map((error) => error.field)).toEqual(['action']);
    },
  );
});
