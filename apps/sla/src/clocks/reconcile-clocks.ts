import { ClockPlan, PlannedClock, SeenClockEvent, explanationOf, formatLocalWithOffset } from '@complaints/policy';
import { ClockState } from './clock-state';
import { SlaComplaint } from './sla-complaint';

/**
 * The first event the clock stops on, after it (or its current span) started: an earlier one
 * kept an earlier promise.
 */
export function stopOf(clock: PlannedClock, clockEvents: readonly SeenClockEvent[]): SeenClockEvent | undefined {
  const startedAt = clock.startedAt?.getTime();
  if (startedAt === undefined) return undefined;
  return clockEvents.find((seen) => seen.at >= startedAt && clock.stopsOn.includes(seen.event));
}

function fromPlan(clock: PlannedClock): ClockState {
  return {
    metric: clock.metric,
    status: clock.status,
    startedAt: clock.startedAt,
    dueAt: clock.dueAt,
    warnAt: clock.warnAt,
    metAt: null,
    breachedAt: null,
    explanation: clock.explanation,
    steps: clock.steps,
  };
}

function stopped(clock: PlannedClock, stop: SeenClockEvent, zone: string): ClockState {
  const planned = fromPlan(clock);
  const at = formatLocalWithOffset(stop.at, zone);
  const late = clock.dueAt !== null && stop.at > clock.dueAt.getTime();
  // A promise kept after its deadline was still broken, whether or not the breach timer got there first.
  const steps = [...clock.steps, late ? `${stop.event} at ${at}, after the deadline: breached` : `met: ${stop.event} at ${at}`];
  return {
    ...planned,
    status: late ? 'breached' : 'met',
    metAt: new Date(stop.at),
    breachedAt: late ? clock.dueAt : null,
    explanation: explanationOf(steps),
    steps,
  };
}

function cancelled(clock: ClockState, why: string): ClockState {
  const steps = [...clock.steps, `cancelled: ${why}`];
  return { ...clock, status: 'cancelled', explanation: explanationOf(steps), steps };
}

/**
 * A clock that stops applying at `at` (the complaint closed, or changed kind): cancelled,
 * unless its deadline had already passed while it ran, which no later event undoes. Judged at
 * the event's instant, not when sla hears of it, so the verdict is the same in any order.
 */
function ended(clock: ClockState, at: number | undefined, why: string): ClockState {
  const lapsed = clock.status === 'running' && clock.dueAt !== null && at !== undefined && clock.dueAt.getTime() < at;
  if (!lapsed) return cancelled(clock, why);
  const steps = [...clock.steps, `breached: the deadline passed while the clock was running, before ${why}`];
  return { ...clock, status: 'breached', breachedAt: clock.dueAt, explanation: explanationOf(steps), steps };
}

const isFinal = (clock: ClockState): boolean =>
  clock.status === 'met' || clock.status === 'breached' || clock.status === 'cancelled';

/**
 * The plan counts a met or breached recurring clock from a restart after the stored span
 * began: a new span, which runs whatever became of the last (the plan's steps say which).
 */
function startsNewSpan(earlier: ClockState, clock: PlannedClock): boolean {
  if (earlier.status === 'cancelled' || clock.span === null || clock.span < 2) return false;
  return clock.startedAt !== null && earlier.startedAt !== null && clock.startedAt > earlier.startedAt;
}

/**
 * Every clock of a complaint after an event, from the policy's plan for its facts, the clock
 * events seen and the clocks as they were. A clock that ended stays as it ended: a breach is
 * history, and a met clock is never reopened by a later event, except that a recurring clock
 * restarted runs again in a new span. A clock that no longer applies (the complaint changed
 * kind) or has not ended when the complaint closes is cancelled, or breached if its deadline
 * passed before.
 */
export function reconcileClocks(
  plan: ClockPlan,
  complaint: SlaComplaint,
  previous: readonly ClockState[],
): ClockState[] {
  const before = new Map(previous.map((clock) => [clock.metric, clock]));
  const closedAt = complaint.clockEvents.find((seen) => seen.event === 'closed')?.at;
  const planned = plan.clocks.map((clock): ClockState => {
    const earlier = before.get(clock.metric);
    if (earlier && isFinal(earlier) && !startsNewSpan(earlier, clock)) {
      const stop = earlier.status === 'breached' && earlier.metAt === null ? stopOf(clock, complaint.clockEvents) : undefined;
      return stop ? { ...earlier, metAt: new Date(stop.at) } : earlier;
    }
    const stop = stopOf(clock, complaint.clockEvents);
    if (stop) return stopped(clock, stop, plan.zone);
    return closedAt !== undefined ? ended(fromPlan(clock), closedAt, 'the complaint was closed') : fromPlan(clock);
  });
  const inPlan = new Set(plan.clocks.map((clock) => clock.metric));
  const dropped = previous
    .filter((clock) => !inPlan.has(clock.metric))
    // Only an upgrade changes which clocks apply.
    .map((clock) =>
      isFinal(clock) ? clock : ended(clock, complaint.upgradedAt, `the policy has no ${clock.metric} clock for this complaint now`),
    );
  return [...planned, ...dropped];
}
