import { ClockState } from './clock-state';

export const CLOCK_TIMER_KINDS = { warning: 'clock_warning', breach: 'clock_breach' } as const;
export type ClockTimerKind = (typeof CLOCK_TIMER_KINDS)[keyof typeof CLOCK_TIMER_KINDS];

/**
 * One timer to move: to `dueAt`, or cancelled when `dueAt` is null. `besidePending`: schedule
 * it next to the pending one instead, which still has a breach to announce.
 */
export interface ClockTimerChange {
  readonly metric: string;
  readonly kind: ClockTimerKind;
  readonly dueAt: Date | null;
  readonly besidePending?: true;
}

/** `keep`: leave the timer as it is, pending or fired. */
type Wanted = Date | null | 'keep';

function wanted(clock: ClockState | undefined): Record<ClockTimerKind, Wanted> {
  switch (clock?.status) {
    case 'running':
      return { clock_warning: clock.warnAt, clock_breach: clock.dueAt };
    // A clock kept after its deadline is breached before its breach timer fires: that timer
    // still announces the breach, once.
    case 'breached':
      return { clock_warning: null, clock_breach: 'keep' };
    case undefined:
    case 'pending':
    case 'paused':
    case 'met':
    case 'cancelled':
      return { clock_warning: null, clock_breach: null };
  }
}

/**
 * A running clock that starts again after its deadline (a recurring clock updated late,
 * before its breach timer fired): the span it ends was breached, and that timer announces it.
 */
function lapsedUnannounced(was: ClockState | undefined, next: ClockState): boolean {
  return was?.status === 'running' && was.dueAt !== null && next.startedAt !== null && next.startedAt > was.dueAt;
}

const same = (a: Wanted, b: Wanted): boolean =>
  a instanceof Date && b instanceof Date ? a.getTime() === b.getTime() : a === b;

/**
 * The timers to reschedule or cancel so that each running clock has a warning at `warnAt` and
 * a breach at `dueAt`, and no other clock has either. Only what changed, so an event that
 * moves no deadline touches no timer.
 */
export function clockTimerChanges(previous: readonly ClockState[], next: readonly ClockState[]): ClockTimerChange[] {
  const before = new Map(previous.map((clock) => [clock.metric, clock]));
  return next.flatMap((clock) => {
    const earlier = before.get(clock.metric);
    const was = wanted(earlier);
    const now = wanted(clock);
    return Object.values(CLOCK_TIMER_KINDS).flatMap((kind): ClockTimerChange[] => {
      const dueAt = now[kind];
      if (dueAt === 'keep' || same(was[kind], dueAt)) return [];
      if (kind === CLOCK_TIMER_KINDS.breach && lapsedUnannounced(earlier, clock)) {
        return dueAt === null ? [] : [{ metric: clock.metric, kind, dueAt, besidePending: true }];
      }
      return [{ metric: clock.metric, kind, dueAt }];
    });
  });
}
