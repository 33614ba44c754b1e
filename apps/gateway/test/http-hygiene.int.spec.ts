import { Telemetry, startTelemetry } from '@complaints/telemetry';
import { API_KEYS, TestGateway, bearer, startTestGateway } from './support/test-gateway';

const APP_ORIGIN = 'https://app.example.com';

describe('HTTP behaviour every route shares', () => {
  let telemetry: Telemetry;
  let gateway: TestGateway;
  let corsGateway: TestGateway;

  beforeAll(async () => {
    telemetry = startTelemetry({ serviceName: 'gateway' });
    [gateway, corsGateway] = await Promise.all([
      startTestGateway(telemetry),
      startTestGateway(telemetry, { CORS_ORIGINS: `${APP_ORIGIN}, http://localhost:5173` }),
    ]);
  });
  afterAll(async () => {
    await Promise.all([gateway?.close(), corsGateway?.close()]);
    await telemetry?.shutdown();
  });

  function submit(headers: Record<string, string>, body?: string): Promise<Response> {
    return fetch(`${gateway.url}/v1/complaints`, {
      method: 'POST',
      headers: { ...bearer(API_KEYS.agent), ...headers },
      body,
    });
  }

  describe('request bodies', () => {
    it.each(['text/plain', 'application/x-www-form-urlencoded', 'application/xml'])(
      'refuses a body sent as %s with 415 naming application/json',
      async (contentType) => {
        const response = await submit({ 'Content-Type': contentType }, '{"policyId":"mimo"}');
        expect(response.status).toBe(415);
        expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
        const problem = (await response.json()) as { type: string; detail: string; requestId: string };
        expect(problem.type).toBe('/problems/unsupported-media-type');
        expect(problem.detail).toContain('application/json');
        expect(problem.requestId).toBe(response.headers.get('x-request-id'));
      },
    );

    it('refuses a body without a Content-Type', async () => {
      const response = await fetch(`${gateway.url}/v1/complaints`, {
        method: 'POST',
        headers: bearer(API_KEYS.agent),
        body: new Uint8Array(Buffer.from('{"policyId":"mimo"}')),
      });
      expect(response.status).toBe(415);
    });

    it.each(['application/json', 'application/json; charset=utf-8', 'application/merge-patch+json'])(
      'reads a body sent as %s',
      async (contentType) => {
        const response = await submit({ 'Content-Type': contentType }, '{"unknownField":1}');
        expect(response.status).toBe(400);
        expect(await response.json()).toMatchObject({
          errors: expect.arrayContaining([{ field: 'unknownField', message: 'is not a known field' }]),
        });
      },
    );

    it('lets a request without a body through to validation', async () => {
      const response = await submit({});
      expect(response.status).toBe(400);
    });
  });

  describe('security headers', () => {
    it.each([
      ['an API answer', '/v1/complaints/0196f3c4-8a59-7b1e-9b1a-2f7c8d9e0a1b'],
      ['a problem', '/v1/complaints/not-an-id'],
      ['an unknown route', '/v1/nothing-here'],
    ])('are on %s', async (_what, path) => {
      const response = await fetch(`${gateway.url}${path}`, { headers: bearer(API_KEYS.alice) });
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(response.headers.get('x-powered-by')).toBeNull();
    });
  });

  describe('CORS', () => {
    it('is off by default', async () => {
      const response = await fetch(`${gateway.url}/v1/complaints`, { headers: { Origin: APP_ORIGIN } });
      expect(response.headers.get('access-control-allow-origin')).toBeNull();
      const preflight = await fetch(`${gateway.url}/v1/complaints`, {
        method: 'OPTIONS',
        headers: { Origin: APP_ORIGIN, 'Access-Control-Request-Method': 'POST' },
      });
      expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    });

    it('answers a configured origin, preflight included', async () => {
      const response = await fetch(`${corsGateway.url}/v1/complaints/not-an-id`, {
        headers: { ...bearer(API_KEYS.alice), Origin: APP_ORIGIN },
      });
      expect(response.headers.get('access-control-allow-origin')).toBe(APP_ORIGIN);
      expect(response.headers.get('access-control-expose-headers')).toContain('X-Request-Id');

      const preflight = await fetch(`${corsGateway.url}/v1/complaints`, {
        method: 'OPTIONS',
        headers: {
          Origin: APP_ORIGIN,
          'Access-Control-Request-Method': 'POST',
          'Access-Control-Request-Headers': 'authorization, content-type',
        },
      });
      expect(preflight.status).toBe(204);
      expect(preflight.headers.get('access-control-allow-origin')).toBe(APP_ORIGIN);
    });

    it('does not answer an origin that is not configured', async () => {
      const response = await fetch(`${corsGateway.url}/v1/complaints/not-an-id`, {
        headers: { ...bearer(API_KEYS.alice), Origin: 'https://evil.example.com' },
      });
      expect(response.headers.get('access-control-allow-origin')).toBeNull();
    });
  });
});
