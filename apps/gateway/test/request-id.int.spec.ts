import { waitFor } from '@complaints/testing';
import { gatewayWithCapturedLogs } from './support/logged-gateway';
import { API_KEYS, bearer } from './support/test-gateway';

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('request ids', () => {
  const gateway = gatewayWithCapturedLogs({ LOG_LEVEL: 'info' });

  function getComplaint(headers: Record<string, string>): Promise<Response> {
    return fetch(`${gateway.url}/v1/complaints/0196f3c4-8a59-7b1e-9b1a-2f7c8d9e0a1b`, { headers });
  }

  it.each(['client-42:retry.1_a-b', 'a'.repeat(128)])(
    "keeps the caller's id %s, echoes it and repeats it in the problem body",
    async (offered) => {
      const response = await getComplaint({ 'X-Request-Id': offered });
      expect(response.headers.get('x-request-id')).toBe(offered);
      expect(await response.json()).toMatchObject({ status: 401, requestId: offered });
    },
  );

  it.each([
    ['absent', undefined],
    ['too long', 'a'.repeat(129)],
    ['with forbidden characters', 'id with spaces/and"quotes'],
    ['empty', ''],
  ])('generates a UUIDv7 when the caller sends none usable (%s)', async (_case, offered) => {
    const response = await getComplaint(offered === undefined ? {} : { 'X-Request-Id': offered });
    const id = response.headers.get('x-request-id');
    expect(id).toMatch(UUID_V7);
    expect(await response.json()).toMatchObject({ requestId: id });
  });

  // The span attribute is covered by request-id.spec.ts: instrumentations do not patch modules Jest loads.
  it("puts the id on the request's log lines", async () => {
    const id = 'trace-me-0001';
    const response = await getComplaint({ ...bearer(API_KEYS.alice), 'X-Request-Id': id });
    expect(response.status).toBe(503);

    const accessLine = await waitFor('the request logged', () =>
      gateway.logLines().find((line) => line.req?.id === id && line.res !== undefined),
    );
    expect(accessLine.req).toMatchObject({ method: 'GET', id });
  });
});
