import { WHAT_IF_OUTCOMES, WhatIfFlip, WhatIfOutcomeCounts, WhatIfResult } from '@complaints/contracts';
import { toZonedIso } from '@complaints/policy';
import { ClockComparison } from './compare-complaint';
import { flips } from './what-if-outcome';

type MetricTally = WhatIfResult['metrics'][number];

const noOutcomes = (): WhatIfOutcomeCounts =>
  Object.fromEntries(WHAT_IF_OUTCOMES.map((outcome) => [outcome, 0])) as WhatIfOutcomeCounts;

/**
 * The counts and flips of one page of a replay. The flips a page lists are bounded (a reply
 * travels as one NATS message), so a complaint whose flips would not fit starts the next page.
 */
export class WhatIfPage {
  private readonly tallies = new Map<string, MetricTally>();
  private readonly listed: WhatIfFlip[] = [];
  private replayed = 0;

  constructor(
    private readonly maxFlips: number,
    private readonly zone: string,
  ) {}

  get complaints(): number {
    return this.replayed;
  }

  /** Counts the complaint in, unless its flips would overflow a page that has some already (then false). */
  add(complaintId: string, comparisons: readonly ClockComparison[]): boolean {
    const flipped = comparisons.filter((comparison) => flips(comparison.actual, comparison.wouldBe));
    if (this.listed.length > 0 && this.listed.length + flipped.length > this.maxFlips) return false;
    this.replayed += 1;
    for (const comparison of comparisons) {
      const tally = this.tallyOf(comparison.metric);
      tally.actual[comparison.actual] += 1;
      tally.wouldBe[comparison.wouldBe] += 1;
    }
    for (const comparison of flipped) {
      this.tallyOf(comparison.metric).flipped += 1;
      this.listed.push(this.flipOf(complaintId, comparison));
    }
    return true;
  }

  metrics(): MetricTally[] {
    return [...this.tallies.values()];
  }

  flips(): WhatIfFlip[] {
    return [...this.listed];
  }

  private tallyOf(metric: string): MetricTally {
    let tally = this.tallies.get(metric);
    if (!tally) {
      tally = { metric, actual: noOutcomes(), wouldBe: noOutcomes(), flipped: 0 };
      this.tallies.set(metric, tally);
    }
    return tally;
  }

  private flipOf(complaintId: string, comparison: ClockComparison): WhatIfFlip {
    const iso = (date: Date | null | undefined): string | null =>
      date ? toZonedIso(date.getTime(), this.zone) : null;
    return {
      complaintId,
      metric: comparison.metric,
      actual: comparison.actual,
      wouldBe: comparison.wouldBe,
      actualDueAt: iso(comparison.actualClock?.dueAt),
      actualMetAt: iso(comparison.actualClock?.metAt),
      wouldBeDueAt: iso(comparison.wouldBeClock?.dueAt),
    };
  }
}
