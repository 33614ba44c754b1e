import { EscalationTriggerName } from '@complaints/contracts';
import { TriggerEvent } from '@complaints/policy';

/** Something that happened to a complaint that its policy's escalation triggers may act on. */
export type EscalationTrigger =
  | { readonly on: 'clock_warning' | 'clock_breach'; readonly metric: string }
  | { readonly on: 'manual' | 'survey_dissatisfied' };

/** The clock a trigger is about, as events carry it. */
export function metricOf(trigger: EscalationTrigger): string | null {
  return 'metric' in trigger ? trigger.metric : null;
}

/** The policy and the event contract name one trigger differently; this is the one place that maps them. */
const CONTRACT_NAMES: Readonly<Record<TriggerEvent, EscalationTriggerName>> = {
  clock_warning: 'clock_warning',
  clock_breach: 'clock_breach',
  manual: 'manual',
  survey_dissatisfied: 'dissatisfied_survey',
};

export function contractNameOf(trigger: EscalationTrigger): EscalationTriggerName {
  return CONTRACT_NAMES[trigger.on];
}
