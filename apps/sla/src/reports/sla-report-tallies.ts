import { SlaTally } from './sla-report-figures';

/**
 * Part of one metric's figures in one period: a stored day's tallies, or clocks counted live
 * (running ones, and the partial days at a window's edges). `elapsedBusinessSeconds` holds
 * the business times of the part's stopped clocks, in any order.
 */
export interface TallyPart {
  readonly metric: string;
  readonly periodStart: Date;
  readonly started: number;
  readonly met: number;
  readonly breached: number;
  readonly running: number;
  readonly warned: number;
  readonly elapsedBusinessSeconds: ArrayLike<number>;
}

interface Sum {
  readonly metric: string;
  readonly periodStart: Date | null;
  started: number;
  met: number;
  breached: number;
  running: number;
  warned: number;
  readonly elapsed: ArrayLike<number>[];
}

/**
 * PostgreSQL's `percentile_disc`: the first value whose position in the sorted values reaches
 * the fraction (`ceil(fraction × count)`, in the same float arithmetic), never interpolated.
 */
export function percentileDisc(sorted: ArrayLike<number>, fraction: number): number | null {
  if (sorted.length === 0) return null;
  const position = Math.max(1, Math.ceil(fraction * sorted.length));
  return sorted[position - 1] ?? null;
}

function sortedValues(parts: readonly ArrayLike<number>[]): Float64Array {
  const values = new Float64Array(parts.reduce((total, part) => total + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    values.set(part, offset);
    offset += part.length;
  }
  return values.sort();
}

function tallyOf(sum: Sum): SlaTally {
  const sorted = sortedValues(sum.elapsed);
  return {
    metric: sum.metric,
    periodStart: sum.periodStart,
    started: sum.started,
    met: sum.met,
    breached: sum.breached,
    running: sum.running,
    medianBusinessSecondsToMeet: percentileDisc(sorted, 0.5),
    p90BusinessSecondsToMeet: percentileDisc(sorted, 0.9),
    warned: sum.warned,
  };
}

/**
 * Adds the parts up per metric and period, and per metric over the whole window (`periodStart`
 * null): counts add, and medians and p90s are taken over the merged business times, exactly.
 */
export function combineTallyParts(parts: readonly TallyPart[]): SlaTally[] {
  const sums = new Map<string, Sum>();
  const sumFor = (metric: string, periodStart: Date | null): Sum => {
    const key = `${metric}\u0000${periodStart?.getTime() ?? ''}`;
    let sum = sums.get(key);
    if (!sum) {
      sum = { metric, periodStart, started: 0, met: 0, breached: 0, running: 0, warned: 0, elapsed: [] };
      sums.set(key, sum);
    }
    return sum;
  };
  for (const part of parts) {
    for (const sum of [sumFor(part.metric, part.periodStart), sumFor(part.metric, null)]) {
      sum.started += part.started;
      sum.met += part.met;
      sum.breached += part.breached;
      sum.running += part.running;
      sum.warned += part.warned;
      if (part.elapsedBusinessSeconds.length > 0) sum.elapsed.push(part.elapsedBusinessSeconds);
    }
  }
  return [...sums.values()].map(tallyOf);
}
