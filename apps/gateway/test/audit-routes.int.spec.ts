import { Telemetry, startTelemetry } from '@complaints/telemetry';
import { TestGateway, bearer, startTestGateway } from './support/test-gateway';

const AUDITOR_KEY = 'test-auditor-key-0001';
const AGENT_KEY = 'test-agent-key-00001';

interface Problem {
  status: number;
  errors?: { field: string; message: string }[];
}

describe('audit routes', () => {
  let telemetry: Telemetry;
  let gateway: TestGateway;

  beforeAll(async () => {
    telemetry = startTelemetry({ serviceName: 'gateway' });
    gateway = await startTestGateway(telemetry, { API_KEYS: `auditor:${AUDITOR_KEY}:auditor:*,agent:${AGENT_KEY}:agent:*` });
  });
  afterAll(async () => {
    await gateway?.close();
    await telemetry?.shutdown();
  });

  const get = (path: string, key: string): Promise<Response> => fetch(`${gateway.url}/v1/audit/${path}`, { headers: bearer(key) });

  async function problemOf(response: Response): Promise<Problem> {
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    return (await response.json()) as Problem;
  }

  it.each([
    ['entries?limit=0', 'limit'],
    ['entries?complaintId=nope', 'complaintId'],
    ['entries?from=yesterday', 'from'],
    ['entries?cursor=abc', 'cursor'],
    ['entries?colour=red', 'colour'],
    ['complaints/not-a-uuid', 'id'],
    ['proofs/inclusion', 'index'],
    ['proofs/inclusion?index=-1', 'index'],
    ['proofs/inclusion?index=0&treeSize=0', 'treeSize'],
    ['proofs/consistency?from=x', 'from'],
    ['verify?to=1.5', 'to'],
    ['export?from=-1', 'from'],
    ['export?from=5&to=5', 'to'],
    ['export?to=0', 'to'],
    ['export?limit=3', 'limit'],
  ])('refuses GET /v1/audit/%s with a problem naming %s', async (path, field) => {
    const problem = await problemOf(await get(path, AUDITOR_KEY));
    expect(problem.status).toBe(400);
    expect(problem.errors?.map((error) => error.field)).toContain(field);
  });

  it.each(['entries', 'checkpoint', 'checkpoints', 'public-key', 'proofs/inclusion?index=0', 'verify'])(
    'refuses GET /v1/audit/%s to an agent',
    async (path) => {
      expect((await problemOf(await get(path, AGENT_KEY))).status).toBe(403);
    },
  );

  it('passes a valid request on to the audit service', async () => {
    // The audit service is not running here, so a request past every check of the gateway ends as 503.
    expect((await problemOf(await get('verify?from=0&to=10', AUDITOR_KEY))).status).toBe(503);
  });
});
