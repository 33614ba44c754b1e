import { RetrySchedule } from '../delivery/retry-schedule';
import { recordOfAttempt } from './next-attempt';

const schedule: RetrySchedule = { maxAttempts: 3, baseDelayMs: 1_000, maxDelayMs: 60_000 };
const now = new Date('2026-12-03T10:00:00Z');
const half = () => 0.5;

describe(recordOfAttempt.name, () => {
  it('records a 2xx as delivered', () => {
    expect(recordOfAttempt({ kind: 'delivered', statusCode: 204 }, 1, schedule, now, half)).toEqual({ status: 'delivered', statusCode: 204 });
  });

  it('tries a temporary failure again after the back-off of the schedule', () => {
    const failure = { kind: 'temporary', statusCode: 503, error: 'the endpoint answered HTTP 503' } as const;
    // Equal jitter at 0.5: three quarters of the step, 1 s then 2 s.
    expect(recordOfAttempt(failure, 1, schedule, now, half)).toEqual({
      status: 'pending',
      statusCode: 503,
      error: 'the endpoint answered HTTP 503',
      nextAttemptAt: new Date('2026-12-03T10:00:00.750Z'),
    });
    expect(recordOfAttempt(failure, 2, schedule, now, half)).toMatchObject({ nextAttemptAt: new Date('2026-12-03T10:00:01.500Z') });
  });

  it('declares the delivery dead after the last attempt', () => {
    const timeout = { kind: 'temporary', statusCode: null, error: 'no answer within 100 ms' } as const;
    expect(recordOfAttempt(timeout, 3, schedule, now, half)).toEqual({
      status: 'dead',
      statusCode: null,
      error: 'no answer within 100 ms; gave up after 3 attempts',
    });
  });

  it('declares the delivery dead at once after a permanent refusal', () => {
    const gone = { kind: 'permanent', statusCode: 410, error: 'the endpoint answered HTTP 410' } as const;
    expect(recordOfAttempt(gone, 1, schedule, now, half)).toEqual({ status: 'dead', statusCode: 410, error: 'the endpoint answered HTTP 410' });
  });
});
