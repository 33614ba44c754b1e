import type { ClockTarget } from '../schema/clock.schema';
import type { ClockAnchor, ClockEvent, ClockId, PauseReason } from '../schema/policy-vocabulary';
import { toZonedIso } from '../text/time-text';

/**
 * `running`: started, deadline known. `paused`: started, stopped by a pause still going on,
 * so the deadline is set on resume. `pending`: the event it starts from has not happened.
 */
export type PlannedClockStatus = 'running' | 'paused' | 'pending';

export interface PlannedClock {
  readonly metric: ClockId;
  readonly status: PlannedClockStatus;
  readonly anchor: ClockAnchor;
  readonly target: ClockTarget;
  /**
   * Which span counts now, from 1: a clock that `restartsOn` an event starts a new span at each
   * one (and `startedAt` is then the restart). Null while pending.
   */
  readonly span: number | null;
  readonly startedAt: Date | null;
  readonly dueAt: Date | null;
  readonly warnAt: Date | null;
  /** While paused: the clock time (business or elapsed ms) still to run on resume. */
  readonly remainingMs: number | null;
  readonly pausesWhile: readonly PauseReason[];
  readonly stopsOn: readonly ClockEvent[];
  readonly restartsOn: readonly ClockEvent[];
  /** The deadline is an expected date an agent set, not the policy's target. */
  readonly expectedDateApplied: boolean;
  /** The policy marks this clock as a default its source text leaves open. */
  readonly defaulted: boolean;
  readonly explanation: string;
  readonly steps: readonly string[];
}

/** A clock's explanation: its steps, read as one text. */
export function explanationOf(steps: readonly string[]): string {
  return `${steps.join('. ')}.`;
}

export interface ClockPlan {
  readonly policyId: string;
  readonly version: number;
  readonly zone: string;
  readonly calendar: string;
  readonly clocks: readonly PlannedClock[];
}

export interface PlannedClockJson extends Omit<PlannedClock, 'startedAt' | 'dueAt' | 'warnAt'> {
  readonly startedAt: string | null;
  readonly dueAt: string | null;
  readonly warnAt: string | null;
}

export interface ClockPlanJson extends Omit<ClockPlan, 'clocks'> {
  readonly clocks: readonly PlannedClockJson[];
}

/** The plan with instants as ISO 8601 strings in the policy's zone offset (what the API returns). */
export function clockPlanToJson(plan: ClockPlan): ClockPlanJson {
  const iso = (date: Date | null): string | null =>
    date === null ? null : toZonedIso(date.getTime(), plan.zone);
  return {
    ...plan,
    clocks: plan.clocks.map((clock) => ({
      ...clock,
      startedAt: iso(clock.startedAt),
      dueAt: iso(clock.dueAt),
      warnAt: iso(clock.warnAt),
    })),
  };
}
