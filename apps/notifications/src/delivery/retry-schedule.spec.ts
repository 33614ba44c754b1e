import { nextRetryDelayMs, RetrySchedule } from './retry-schedule';

const schedule: RetrySchedule = { maxAttempts: 5, baseDelayMs: 1_000, maxDelayMs: 4_000 };

describe('nextRetryDelayMs', () => {
  it('doubles the step after each attempt, up to the cap', () => {
    const highest = [1, 2, 3, 4].map((attempts) => nextRetryDelayMs(schedule, attempts, () => 0.999_999));
    expect(highest).toEqual([1_000, 2_000, 4_000, 4_000]);
  });

  it('waits at least half the step, so a retry never comes at once', () => {
    expect([1, 2, 3, 4].map((attempts) => nextRetryDelayMs(schedule, attempts, () => 0))).toEqual([500, 1_000, 2_000, 2_000]);
  });

  it('spreads retries that failed together', () => {
    const delays = [0.1, 0.5, 0.9].map((r) => nextRetryDelayMs(schedule, 2, () => r));
    expect(new Set(delays).size).toBe(3);
  });

  it('gives up once every attempt is used', () => {
    expect(nextRetryDelayMs(schedule, 5, () => 0.5)).toBeNull();
    expect(nextRetryDelayMs(schedule, 6, () => 0.5)).toBeNull();
  });
});
