import { Telemetry, startTelemetry } from '@complaints/telemetry';
import { API_KEYS, TestGateway, bearer, startTestGateway } from './support/test-gateway';

/*
 * The public survey pages have a budget per client address of their own, answered with a page
 * in the respondent's language (not a problem document): a script guessing tokens is slowed,
 * and the API's per-key budgets are not spent by it.
 */
describe('rate limit of the public survey pages', () => {
  let telemetry: Telemetry;
  let gateway: TestGateway;

  beforeAll(async () => {
    telemetry = startTelemetry({ serviceName: 'gateway' });
    gateway = await startTestGateway(telemetry, { SURVEY_RATE_LIMIT_PER_MINUTE: '3', RATE_LIMIT_PER_MINUTE: '100' });
  });
  afterAll(async () => {
    await gateway?.close();
    await telemetry?.shutdown();
  });

  const openSurvey = (token: string, method = 'GET') =>
    fetch(`${gateway.url}/surveys/${token}`, { method, headers: { 'Accept-Language': 'fr-FR,fr;q=0.9' } });

  it('refuses the fourth page of a minute with a 429 page in French and Retry-After', async () => {
    // Forged tokens, each different: the budget is the client's, whatever it asks for.
    for (const token of ['forged-1', 'forged-2']) expect((await openSurvey(token)).status).not.toBe(429);
    expect((await openSurvey('forged-3', 'POST')).status).not.toBe(429);

    const refused = await openSurvey('forged-4');
    expect(refused.status).toBe(429);
    expect(refused.headers.get('content-type')).toMatch(/^text\/html/);
    expect(refused.headers.get('content-language')).toBe('fr');
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(Number.isInteger(retryAfter) && retryAfter > 0 && retryAfter <= 60).toBe(true);
    const html = await refused.text();
    expect(html).toContain('<html lang="fr"');
    expect(html).toContain('Trop de tentatives');
  });

  it("leaves API keys' budgets alone", async () => {
    const response = await fetch(`${gateway.url}/v1/policies`, { headers: bearer(API_KEYS.alice) });
    expect(response.status).not.toBe(429);
    expect(response.headers.get('ratelimit-remaining')).toBe('99');
  });
});
