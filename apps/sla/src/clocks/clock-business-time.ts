import {
  BusinessCalendar,
  ClockFacts,
  ClockPlan,
  PauseReason,
  businessMillisOutsidePauses,
  clockPauses,
} from '@complaints/policy';
import { ClockState } from './clock-state';

const seconds = (ms: number): number => Math.floor(ms / 1000);

/**
 * How long a met or breached clock ran in business time, pauses excluded, up to `end`: from
 * its start (a recurring clock's current span) for `elapsedBusinessSeconds`, and from its
 * deadline for `overdueBusinessSeconds` when it was breached.
 */
function measured(
  calendar: BusinessCalendar,
  facts: ClockFacts,
  pausesWhile: readonly PauseReason[],
  clock: ClockState,
  end: number,
): ClockState {
  if (clock.startedAt === null) return clock;
  const pauses = clockPauses(facts, pausesWhile);
  const overdue =
    clock.status === 'breached' && clock.dueAt !== null
      ? seconds(businessMillisOutsidePauses(calendar, clock.dueAt.getTime(), end, pauses))
      : null;
  return {
    ...clock,
    elapsedBusinessSeconds: seconds(
      businessMillisOutsidePauses(calendar, clock.startedAt.getTime(), end, pauses),
    ),
    overdueBusinessSeconds: overdue,
  };
}

/**
 * The clocks with their business time measured (ADR 0054). A clock that stopped (met, or
 * breached and kept late) is measured to its stopping event: that is final and stored. A
 * breached clock still waiting for its event is measured to `now` when one is given (what
 * `GET …/sla` shows), and left unmeasured otherwise, since its figures grow until it stops.
 * A clock the plan no longer has keeps what it had.
 */
export function withBusinessTime(
  calendar: BusinessCalendar,
  facts: ClockFacts,
  plan: ClockPlan,
  clocks: readonly ClockState[],
  now?: Date,
): ClockState[] {
  const pausesWhile = new Map(plan.clocks.map((clock) => [clock.metric, clock.pausesWhile]));
  return clocks.map((clock) => {
    const reasons = pausesWhile.get(clock.metric);
    if (reasons === undefined || (clock.status !== 'met' && clock.status !== 'breached')) return clock;
    const end = clock.metAt ?? (clock.status === 'breached' ? now : undefined);
    return end === undefined ? clock : measured(calendar, facts, reasons, clock, end.getTime());
  });
}
