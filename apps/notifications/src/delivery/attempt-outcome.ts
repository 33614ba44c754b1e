import { DeliveryErrorClass } from '@complaints/domain';
import { AttemptResult } from './delivery';
import { RetrySchedule, nextRetryDelayMs } from './retry-schedule';

export interface FailedAttempt {
  readonly errorClass: Extract<DeliveryErrorClass, 'temporary' | 'refused' | 'no_address'>;
  readonly code: number | null;
  readonly locale: string | null;
}

/**
 * What a failed attempt leaves: a temporary failure waits for the next step of the schedule,
 * or, once the schedule is used up, is dead as `attempts_exhausted`; a refusal or a missing
 * address is dead at once, since no retry can change it.
 */
export function outcomeOfFailure(
  failure: FailedAttempt,
  attemptsMade: number,
  schedule: RetrySchedule,
  now: Date,
  random: () => number,
): AttemptResult {
  const { code, locale } = failure;
  if (failure.errorClass !== 'temporary') {
    return { status: 'dead', locale, errorClass: failure.errorClass, code, nextAttemptAt: null };
  }
  const delayMs = nextRetryDelayMs(schedule, attemptsMade, random);
  return delayMs === null
    ? { status: 'dead', locale, errorClass: 'attempts_exhausted', code, nextAttemptAt: null }
    : { status: 'pending', locale, errorClass: 'temporary', code, nextAttemptAt: new Date(now.getTime() + delayMs) };
}
