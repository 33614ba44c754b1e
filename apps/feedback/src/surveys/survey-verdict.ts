import { PolicyDocument } from '@complaints/policy';

export type SurveySpec = NonNullable<PolicyDocument['survey']>;
export type SurveyVerdict = 'satisfied' | 'neutral' | 'dissatisfied';

export function isOnScale(scale: SurveySpec['scale'], score: number): boolean {
  return Number.isInteger(score) && score >= scale.min && score <= scale.max;
}

/**
 * What a score means under the policy: at or below `dissatisfiedAtOrBelow` dissatisfied, at
 * or above `satisfiedAtOrAbove` satisfied. A score between the two (3 of 1–5 by default) is
 * neutral: the customer neither confirmed the resolution nor rejected it, so nothing is
 * closed or reopened and the answer waits on the timeline for an agent.
 */
export function verdictOf(survey: Pick<SurveySpec, 'dissatisfiedAtOrBelow' | 'satisfiedAtOrAbove'>, score: number): SurveyVerdict {
  if (score <= survey.dissatisfiedAtOrBelow) return 'dissatisfied';
  if (score >= survey.satisfiedAtOrAbove) return 'satisfied';
  return 'neutral';
}
