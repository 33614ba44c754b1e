import { SurveyStats } from '@complaints/contracts';
import { SurveyVerdict } from './survey-verdict';

export type StatsGrouping = SurveyStats['groupBy'];

/**
 * Surveys of one period that ended alike: how many, with which score and verdict (null while
 * unanswered). Periods are UTC days, ISO weeks (from Monday) or months, as PostgreSQL's
 * `date_trunc` cuts them.
 */
export interface SurveyTally {
  readonly periodStart: Date;
  readonly score: number | null;
  readonly verdict: SurveyVerdict | null;
  readonly scale: { readonly min: number; readonly max: number };
  readonly surveys: number;
}

type Counts = SurveyStats['total'];

const DEFAULT_SCALE = { min: 1, max: 5 };

function counts(tallies: readonly SurveyTally[], scores: readonly number[]): Counts {
  const sum = (of: (tally: SurveyTally) => boolean) => tallies.filter(of).reduce((total, tally) => total + tally.surveys, 0);
  const sent = sum(() => true);
  const answered = sum((tally) => tally.score !== null);
  const satisfied = sum((tally) => tally.verdict === 'satisfied');
  return {
    sent,
    answered,
    responseRate: sent === 0 ? null : answered / sent,
    csat: answered === 0 ? null : satisfied / answered,
    distribution: scores.map((score) => ({ score, count: sum((tally) => tally.score === score) })),
  };
}

/**
 * Response rate and CSAT over the surveys sent in a range, by the period they were sent in:
 * an answer counts with its survey, so a period's rate never exceeds 1. CSAT is the share of
 * answers that were satisfied; a neutral answer counts as answered, not satisfied.
 */
export function surveyStats(tallies: readonly SurveyTally[]): Pick<SurveyStats, 'total' | 'periods'> {
  const min = Math.min(...tallies.map((tally) => tally.scale.min), tallies.length > 0 ? Infinity : DEFAULT_SCALE.min);
  const max = Math.max(...tallies.map((tally) => tally.scale.max), tallies.length > 0 ? -Infinity : DEFAULT_SCALE.max);
  const scores = Array.from({ length: max - min + 1 }, (_, index) => min + index);
  const byPeriod = new Map<number, SurveyTally[]>();
  for (const tally of tallies) {
    const key = tally.periodStart.getTime();
    byPeriod.set(key, [...(byPeriod.get(key) ?? []), tally]);
  }
  const periods = [...byPeriod.entries()]
    .sort(([a], [b]) => a - b)
    .map(([start, inPeriod]) => ({ start: new Date(start).toISOString(), ...counts(inPeriod, scores) }));
  return { total: counts(tallies, scores), periods };
}
