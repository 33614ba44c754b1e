import { RetrySchedule, nextRetryDelayMs } from '../delivery/retry-schedule';
import { AttemptOutcome } from './attempt-outcome';
import { AttemptRecord } from './webhook-delivery';

/**
 * What an attempt leaves on the delivery: delivered; a temporary failure tried again after the
 * schedule's back-off; dead after a permanent failure or the schedule's last attempt.
 * `attemptsMade` counts this attempt.
 */
export function recordOfAttempt(
  outcome: AttemptOutcome,
  attemptsMade: number,
  schedule: RetrySchedule,
  now: Date,
  random: () => number,
): AttemptRecord {
  if (outcome.kind === 'delivered') return { status: 'delivered', statusCode: outcome.statusCode };
  const { statusCode, error } = outcome;
  if (outcome.kind === 'permanent') return { status: 'dead', statusCode, error };
  const delayMs = nextRetryDelayMs(schedule, attemptsMade, random);
  if (delayMs === null) return { status: 'dead', statusCode, error: `${error}; gave up after ${attemptsMade} attempts` };
  return { status: 'pending', statusCode, error, nextAttemptAt: new Date(now.getTime() + delayMs) };
}
