import { waitFor } from '@complaints/testing';
import { gatewayWithCapturedLogs } from './support/logged-gateway';
import { API_KEYS, bearer } from './support/test-gateway';

describe('API keys in logs', () => {
  // The most verbose level: whatever any log line could carry is written.
  const gateway = gatewayWithCapturedLogs({ LOG_LEVEL: 'trace' });

  it('never writes a presented API key, valid or not, whatever the outcome', async () => {
    const invalidKey = 'not-a-configured-key-123';
    const requests = [
      fetch(`${gateway.url}/v1/complaints/0196f3c4-8a59-7b1e-9b1a-2f7c8d9e0a1b`, {
        headers: bearer(API_KEYS.alice),
      }),
      fetch(`${gateway.url}/v1/complaints`, {
        method: 'POST',
        headers: { ...bearer(API_KEYS.agent), 'Content-Type': 'application/json', 'Idempotency-Key': 'k-1' },
        body: JSON.stringify({ policyId: 'mimo', kind: 'complaint', channel: 'email' }),
      }),
      fetch(`${gateway.url}/v1/complaints`, {
        method: 'POST',
        headers: { ...bearer(API_KEYS.bob), 'Content-Type': 'text/plain' },
        body: 'x',
      }),
      fetch(`${gateway.url}/v1/complaints/not-an-id`, { headers: bearer(invalidKey) }),
    ];
    const statuses = await Promise.all(requests.map(async (request) => (await request).status));
    expect(statuses).toEqual([503, 400, 415, 401]);

    // Wait for the access log lines of the requests that reach NestJS and the refusal line of
    // the 415 (answered before routing), so the log is complete before it is searched.
    await waitFor('the requests logged', () => (gateway.logText().match(/"responseTime"/g) ?? []).length >= 3);
    await waitFor('the refusal logged', () => gateway.logText().includes('request refused before routing'));
    const logged = gateway.logText();
    for (const key of [API_KEYS.alice, API_KEYS.agent, API_KEYS.bob, invalidKey])
      expect(logged).not.toContain(key);
  });
});
