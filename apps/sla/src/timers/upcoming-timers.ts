import { UpcomingTimer } from './timer-claims';

/** An instant the scheduler must wake at: a loaded timer, or a hint that one was just scheduled. */
export interface Wake {
  readonly at: number;
  readonly timerId?: string;
}

/**
 * The next instants the scheduler must wake at, earliest first. It holds only a window of
 * the table (the next look-ahead, at most a bounded number of rows), so a million open
 * clocks cost a few thousand entries of memory, not a million.
 */
export class UpcomingTimers {
  private wakes: Wake[] = [];
  /** Every pending timer due up to this instant is held (or was when loaded). */
  private coveredUntil = Number.NEGATIVE_INFINITY;
  private truncated = false;

  /** Replaces the loaded timers; hints survive, as their timers may not have been committed when loading. */
  load(timers: readonly UpcomingTimer[], horizon: Date, limit: number): void {
    this.truncated = timers.length >= limit;
    const last = timers[timers.length - 1];
    this.coveredUntil = this.truncated && last ? last.dueAt.getTime() : horizon.getTime();
    const hints = this.wakes.filter((wake) => wake.timerId === undefined);
    this.wakes = [...timers.map((timer) => ({ at: timer.readyAt.getTime(), timerId: timer.id })), ...hints].sort(
      (a, b) => a.at - b.at,
    );
  }

  /**
   * Adds a wake-up for a timer scheduled inside the covered window (later ones are picked up
   * by the next load). Returns true when it is now the earliest, so the caller re-arms.
   */
  hint(dueAt: Date): boolean {
    const at = dueAt.getTime();
    if (at > this.coveredUntil) return false;
    const index = this.wakes.findIndex((wake) => wake.at > at);
    this.wakes.splice(index === -1 ? this.wakes.length : index, 0, { at });
    return index === 0 || this.wakes.length === 1;
  }

  earliest(): number | undefined {
    return this.wakes[0]?.at;
  }

  /** Removes and returns every wake-up at or before `cutoff`. */
  takeReady(cutoff: number): Wake[] {
    const index = this.wakes.findIndex((wake) => wake.at > cutoff);
    return this.wakes.splice(0, index === -1 ? this.wakes.length : index);
  }

  /** True when the last load was cut at its limit and everything it held is gone: more may be waiting. */
  exhausted(): boolean {
    return this.truncated && this.wakes.length === 0;
  }

  clear(): void {
    this.wakes = [];
    this.coveredUntil = Number.NEGATIVE_INFINITY;
    this.truncated = false;
  }
}
