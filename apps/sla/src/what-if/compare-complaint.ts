import { WhatIfOutcome } from '@complaints/contracts';
import { PlannedClock, PolicyDocument, applicableClocks, planClocksForFacts } from '@complaints/policy';
import { SlaComplaint, clockFactsOf } from '../clocks/sla-complaint';
import { RecordedClock } from './complaints-to-replay';
import { actualOutcome, wouldBeOutcome } from './what-if-outcome';

/** One metric of one complaint: what its stored clock came to, and what the draft's would have. */
export interface ClockComparison {
  readonly metric: string;
  readonly actual: WhatIfOutcome;
  readonly wouldBe: WhatIfOutcome;
  readonly actualClock: RecordedClock | undefined;
  readonly wouldBeClock: PlannedClock | undefined;
}

/**
 * Re-plans a complaint's clocks from its recorded facts under a draft and sets them beside
 * its stored clocks, metric by metric: the draft's clocks first, then those it no longer has.
 * An expected date an agent set is dropped when the draft lets no clock of the complaint take
 * one: under the draft the agent could not have set it.
 */
export function compareComplaint(
  draft: PolicyDocument,
  complaint: SlaComplaint,
  clocks: readonly RecordedClock[],
  now: number,
): ClockComparison[] {
  const recorded = clockFactsOf(complaint);
  const takesExpectedDate = applicableClocks(draft, recorded).some((clock) => clock.expectedDate);
  const facts = takesExpectedDate ? recorded : { ...recorded, expectedDate: undefined };
  const planned = planClocksForFacts(draft, facts).clocks;
  const stored = new Map(clocks.map((clock) => [clock.metric as string, clock]));
  const plannedMetrics = new Set<string>(planned.map((clock) => clock.metric));
  const fromDraft = planned.map((clock): ClockComparison => {
    const actualClock = stored.get(clock.metric);
    return {
      metric: clock.metric,
      actual: actualOutcome(actualClock),
      wouldBe: wouldBeOutcome(clock, facts.events, now),
      actualClock,
      wouldBeClock: clock,
    };
  });
  const dropped = clocks
    .filter((clock) => !plannedMetrics.has(clock.metric))
    .map((clock): ClockComparison => ({
      metric: clock.metric,
      actual: actualOutcome(clock),
      wouldBe: 'absent',
      actualClock: clock,
      wouldBeClock: undefined,
    }));
  return [...fromDraft, ...dropped];
}
