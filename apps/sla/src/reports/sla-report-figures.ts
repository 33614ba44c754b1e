import { SlaReport, SlaReportFigures } from '@complaints/contracts';
import { toZonedIso } from '@complaints/policy';

/**
 * What the database counted for one clock metric, in one period (`periodStart`) or over the
 * whole window (`periodStart` null).
 */
export interface SlaTally {
  readonly metric: string;
  readonly periodStart: Date | null;
  readonly started: number;
  readonly met: number;
  readonly breached: number;
  readonly running: number;
  readonly medianBusinessSecondsToMeet: number | null;
  readonly p90BusinessSecondsToMeet: number | null;
  readonly warned: number;
}

const NOTHING: Omit<SlaTally, 'metric' | 'periodStart'> = {
  started: 0,
  met: 0,
  breached: 0,
  running: 0,
  medianBusinessSecondsToMeet: null,
  p90BusinessSecondsToMeet: null,
  warned: 0,
};

function figuresOf(tally: Omit<SlaTally, 'metric' | 'periodStart'>): SlaReportFigures {
  const decided = tally.met + tally.breached;
  return {
    started: tally.started,
    met: tally.met,
    breached: tally.breached,
    running: tally.running,
    attainment: decided === 0 ? null : tally.met / decided,
    medianBusinessSecondsToMeet: tally.medianBusinessSecondsToMeet,
    p90BusinessSecondsToMeet: tally.p90BusinessSecondsToMeet,
    warned: tally.warned,
  };
}

/**
 * The report's metrics from the database's tallies: every metric asked for, in the policy's
 * order, even one no clock of the window has (all zero, so a table of several reports lines
 * up), then any other metric the tallies hold (a clock an older version had). Periods oldest
 * first, their starts written in the policy's zone.
 */
export function slaReportMetrics(
  tallies: readonly SlaTally[],
  metrics: readonly string[],
  zone: string,
): SlaReport['metrics'] {
  const others = [...new Set(tallies.map((tally) => tally.metric))]
    .filter((metric) => !metrics.includes(metric))
    .sort();
  return [...metrics, ...others].map((metric) => {
    const own = tallies.filter((tally) => tally.metric === metric);
    const total = own.find((tally) => tally.periodStart === null) ?? NOTHING;
    const periods = own
      .flatMap((tally) => (tally.periodStart === null ? [] : [{ start: tally.periodStart, tally }]))
      .sort((a, b) => a.start.getTime() - b.start.getTime())
      .map(({ start, tally }) => ({ start: toZonedIso(start.getTime(), zone), ...figuresOf(tally) }));
    return { metric, total: figuresOf(total), periods };
  });
}
