import { waitFor } from '@complaints/testing';
import { gatewayWithCapturedLogs } from './support/logged-gateway';
import { API_KEYS, bearer } from './support/test-gateway';

describe('requests refused before routing are logged', () => {
  const gateway = gatewayWithCapturedLogs({ LOG_LEVEL: 'info' });

  function post(requestId: string, contentType: string, body: string) {
    return fetch(`${gateway.url}/v1/complaints`, {
      method: 'POST',
      headers: { ...bearer(API_KEYS.agent), 'Content-Type': contentType, 'Idempotency-Key': requestId, 'X-Request-Id': requestId },
      body,
    });
  }

  it('writes one line with the request id and status for 415, 413 and malformed JSON, and none twice', async () => {
    const refused = [
      { id: 'refused-415', response: await post('refused-415', 'text/plain', 'hello') },
      { id: 'refused-413', response: await post('refused-413', 'application/json', JSON.stringify({ description: 'x'.repeat(70_000) })) },
      { id: 'refused-400', response: await post('refused-400', 'application/json', '{"policyId":') },
    ];
    expect(refused.map(({ response }) => response.status)).toEqual([415, 413, 400]);
    // Routed: NestJS's access log writes it, not the refusal log.
    const routed = await post('routed-400', 'application/json', JSON.stringify({ policyId: 'mimo' }));
    expect(routed.status).toBe(400);

    await waitFor('the refusals logged', () => gateway.logLines().filter((line) => line.msg === 'request refused before routing').length >= 3);
    const refusals = gateway.logLines().filter((line) => line.msg === 'request refused before routing');
    expect(refusals.map(({ req, res }) => [req?.id, req?.method, req?.url, res?.statusCode])).toEqual([
      ['refused-415', 'POST', '/v1/complaints', 415],
      ['refused-413', 'POST', '/v1/complaints', 413],
      ['refused-400', 'POST', '/v1/complaints', 400],
    ]);
    await waitFor('the routed request logged', () => gateway.logLines().some((line) => line.req?.id === 'routed-400'));
    expect(gateway.logLines().filter((line) => line.req?.id === 'routed-400').map((line) => line.msg)).not.toContain(
      'request refused before routing',
    );
  });
});
