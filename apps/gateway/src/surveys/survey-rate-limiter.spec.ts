import { SurveyRateLimiter } from './survey-rate-limiter';

describe(SurveyRateLimiter.name, () => {
  let now = 0;
  const limiter = () => new SurveyRateLimiter(3, 60_000, () => now);

  beforeEach(() => (now = 1_000_000));

  it('lets a client make its limit of requests in a minute, then says when to come back', () => {
    const limit = limiter();
    expect([1, 2, 3].map(() => limit.take('198.51.100.7').allowed)).toEqual([true, true, true]);
    now += 20_000;
    expect(limit.take('198.51.100.7')).toEqual({ allowed: false, retryAfterSeconds: 40 });
  });

  it('counts each client on its own', () => {
    const limit = limiter();
    [1, 2, 3].forEach(() => limit.take('198.51.100.7'));
    expect(limit.take('203.0.113.9').allowed).toBe(true);
  });

  it('gives a new budget once the minute has passed', () => {
    const limit = limiter();
    [1, 2, 3, 4].forEach(() => limit.take('198.51.100.7'));
    now += 60_000;
    expect(limit.take('198.51.100.7').allowed).toBe(true);
  });
});
