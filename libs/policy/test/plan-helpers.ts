import type { ClockFactsInput } from '../src/planning/clock-facts';
import type { ClockPlan, PlannedClock } from '../src/planning/clock-plan';
import { planClocks } from '../src/planning/plan-clocks';
import type { ClockId } from '../src/schema/policy-vocabulary';
import type { PolicyDocument } from '../src/schema/policy-document.schema';
import { toZonedIso } from '../src/text/time-text';

export interface ClockInstants {
  readonly status: PlannedClock['status'];
  readonly startedAt: string | null;
  readonly dueAt: string | null;
  readonly warnAt: string | null;
}

/** The plan's clocks by id, instants as ISO text in the policy's zone (seconds, no millis). */
export function planInZone(
  policy: PolicyDocument,
  facts: ClockFactsInput,
): Record<string, ClockInstants> & { plan: ClockPlan } {
  const plan = planClocks(policy, facts);
  const iso = (date: Date | null): string | null =>
    date === null ? null : toZonedIso(date.getTime(), plan.zone).replace('.000', '');
  const byId: Record<string, ClockInstants> = {};
  for (const clock of plan.clocks) {
    byId[clock.metric] = {
      status: clock.status,
      startedAt: iso(clock.startedAt),
      dueAt: iso(clock.dueAt),
      warnAt: iso(clock.warnAt),
    };
  }
  return Object.assign(byId, { plan });
}

export function clockOf(plan: ClockPlan, id: ClockId): PlannedClock {
  const clock = plan.clocks.find((candidate) => candidate.metric === id);
  if (!clock) throw new Error(`no ${id} clock in the plan`);
  return clock;
}
