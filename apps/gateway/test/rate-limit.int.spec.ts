import { Telemetry, startTelemetry } from '@complaints/telemetry';
import { API_KEYS, TestGateway, bearer, startTestGateway } from './support/test-gateway';

describe('rate limits per API key', () => {
  let telemetry: Telemetry;
  let gateway: TestGateway;

  beforeAll(async () => {
    telemetry = startTelemetry({ serviceName: 'gateway' });
    gateway = await startTestGateway(telemetry, { RATE_LIMIT_PER_MINUTE: '5' });
  });
  afterAll(async () => {
    await gateway?.close();
    await telemetry?.shutdown();
  });

  function getComplaint(
    key: string,
    path = '/v1/complaints/0196f3c4-8a59-7b1e-9b1a-2f7c8d9e0a1b',
  ): Promise<Response> {
    return fetch(`${gateway.url}${path}`, { headers: bearer(key) });
  }

  it('refuses the sixth request of a key in a minute with 429 and Retry-After, across routes', async () => {
    for (let remaining = 4; remaining >= 0; remaining -= 1) {
      // Alternating routes: the budget belongs to the key, not to a route.
      const response = await getComplaint(API_KEYS.alice, remaining % 2 === 0 ? undefined : '/v1/policies');
      expect(response.status).not.toBe(429);
      expect(response.headers.get('ratelimit-limit')).toBe('5');
      expect(response.headers.get('ratelimit-remaining')).toBe(String(remaining));
    }

    const refused = await getComplaint(API_KEYS.alice);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(Number.isInteger(retryAfter) && retryAfter > 0 && retryAfter <= 60).toBe(true);
    expect(await refused.json()).toMatchObject({
      type: '/problems/rate-limited',
      status: 429,
      requestId: refused.headers.get('x-request-id'),
    });
  });

  it("leaves another key's budget alone", async () => {
    const response = await getComplaint(API_KEYS.bob);
    expect(response.status).toBe(503);
    expect(response.headers.get('ratelimit-remaining')).toBe('4');
  });

  it('never limits health probes', async () => {
    for (let i = 0; i < 7; i += 1) {
      expect((await fetch(`${gateway.url}/health/live`)).status).toBe(200);
    }
  });
});
