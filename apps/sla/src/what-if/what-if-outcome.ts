import { WhatIfOutcome } from '@complaints/contracts';
import { PlannedClock, SeenClockEvent } from '@complaints/policy';
import { stopOf } from '../clocks/reconcile-clocks';
import { RecordedClock } from './complaints-to-replay';

/** What a stored clock came to: a paused clock is still running towards its promise. */
export function actualOutcome(clock: RecordedClock | undefined): WhatIfOutcome {
  if (!clock) return 'absent';
  return clock.status === 'paused' ? 'running' : clock.status;
}

/**
 * What a clock planned under a draft would have come to, by the rules sla applies: met if the
 * event it stops on came at or before its deadline, breached if after; unstopped, breached
 * once the deadline passed (the breach timer fires then), judged at `now` or at the close,
 * whichever came first, since a clock still open at the close is cancelled.
 */
export function wouldBeOutcome(
  clock: PlannedClock | undefined,
  clockEvents: readonly SeenClockEvent[],
  now: number,
): WhatIfOutcome {
  if (!clock) return 'absent';
  const stop = stopOf(clock, clockEvents);
  if (stop) return clock.dueAt !== null && stop.at > clock.dueAt.getTime() ? 'breached' : 'met';
  if (clock.status === 'pending') return 'pending';
  const closedAt = clockEvents.find((seen) => seen.event === 'closed')?.at;
  const judgedAt = Math.min(now, closedAt ?? now);
  if (clock.dueAt !== null && clock.dueAt.getTime() <= judgedAt) return 'breached';
  return closedAt === undefined ? 'running' : 'cancelled';
}

const NO_VERDICT: ReadonlySet<WhatIfOutcome> = new Set(['pending', 'cancelled', 'absent']);

/**
 * Whether a clock flips. A clock that made no promise on either side (never started,
 * cancelled, or not in the policy) is not a flip: an inquiry's clocks upgraded away are
 * `cancelled` when stored and `absent` when re-planned, and neither kept nor broke anything.
 */
export function flips(actual: WhatIfOutcome, wouldBe: WhatIfOutcome): boolean {
  return actual !== wouldBe && !(NO_VERDICT.has(actual) && NO_VERDICT.has(wouldBe));
}
