import { ClockState } from './clock-state';

/** A breach the timers announced that the complaint's history, replayed, does not bear out. */
export interface WithdrawnBreach {
  /** The deadline the breach was announced at. */
  readonly breachedAt: Date;
  readonly current: ClockState;
}

/**
 * Whether a breach stored for a clock still stands beside the clock replayed from every event
 * sla has: breached too; still running towards the very deadline the breach timer fired at
 * (nothing since says otherwise); or in a span that began after that breach (a recurring clock
 * restarted late).
 */
function stands(breachedAt: Date, replayed: ClockState): boolean {
  if (replayed.status === 'breached') return true;
  if (replayed.status === 'running' && replayed.dueAt?.getTime() === breachedAt.getTime()) return true;
  return replayed.startedAt !== null && replayed.startedAt > breachedAt;
}

/**
 * The clocks to store after a replay, and the breaches to withdraw. The replay knows the events
 * but not the timers: a breach a timer marked on a clock still running in the replay stays
 * breached. A breach the late events contradict (a stop before the deadline, a pause that moved
 * it, a close before it) gives way to the replayed clock and is withdrawn.
 */
export function settleBreaches(
  stored: readonly ClockState[],
  replayed: readonly ClockState[],
): { clocks: ClockState[]; withdrawn: WithdrawnBreach[] } {
  const before = new Map(stored.map((clock) => [clock.metric, clock]));
  const withdrawn: WithdrawnBreach[] = [];
  const clocks = replayed.map((current) => {
    const breached = before.get(current.metric);
    const breachedAt = breached?.status === 'breached' ? breached.breachedAt : null;
    if (!breached || breachedAt === null) return current;
    if (!stands(breachedAt, current)) withdrawn.push({ breachedAt, current });
    // Only the timer knew of this breach: the replay still has the clock running to that deadline.
    return current.status === 'running' && current.dueAt?.getTime() === breachedAt.getTime() ? breached : current;
  });
  // A breached clock the replay no longer has at all is history all the same.
  const replayedMetrics = new Set(replayed.map((clock) => clock.metric));
  const kept = stored.filter((clock) => clock.status === 'breached' && !replayedMetrics.has(clock.metric));
  return { clocks: [...clocks, ...kept], withdrawn };
}
