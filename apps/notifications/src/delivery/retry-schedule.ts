/**
 * When a delivery that failed for a temporary reason (a mail server or webhook endpoint down,
 * busy or slow) is tried again. Email and webhooks share it, so both back off the same way.
 */
export interface RetrySchedule {
  /** Attempts in all, the first included; after the last failed one the delivery is dead. */
  readonly maxAttempts: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
}

/** About a day and a half of attempts: long enough to outlast a mail server's maintenance window. */
export const DEFAULT_RETRY_SCHEDULE: RetrySchedule = { maxAttempts: 10, baseDelayMs: 30_000, maxDelayMs: 6 * 3_600_000 };

/**
 * The wait before the next attempt, or null when `attemptsMade` used up the schedule.
 * Exponential back-off with "equal jitter": half the step is fixed, so a retry never comes
 * at once, and half is random, so deliveries that failed together do not retry together.
 * `random` returns a number in [0, 1) (Math.random in production, fixed in tests).
 */
export function nextRetryDelayMs(schedule: RetrySchedule, attemptsMade: number, random: () => number): number | null {
  if (attemptsMade >= schedule.maxAttempts) return null;
  const step = Math.min(schedule.maxDelayMs, schedule.baseDelayMs * 2 ** Math.max(0, attemptsMade - 1));
  return Math.round(step / 2 + (step / 2) * random());
}
