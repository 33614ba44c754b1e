import { BusinessCalendar, PolicyDocument, addTarget } from '@complaints/policy';

/**
 * When a survey sent at `sentAt` stops taking answers: the end of the policy's
 * `survey_window` clock, counted from the sending as sla counts it; null when the policy sets
 * no window (the survey stays open).
 */
export function surveyWindowEnd(policy: Pick<PolicyDocument, 'clocks' | 'calendar'>, sentAt: Date): Date | null {
  const window = policy.clocks.find((clock) => clock.id === 'survey_window');
  return window ? addTarget(BusinessCalendar.of(policy.calendar), sentAt, window.target) : null;
}
