import { EventData, SurveyAnsweredV1, SurveyExpiredV1 } from '@complaints/contracts';
import { CloseReason, ComplaintStatus } from '@complaints/domain';
import { PolicyDocument } from '@complaints/policy';

export type SurveyNews =
  | { readonly type: 'answered'; readonly data: EventData<typeof SurveyAnsweredV1> }
  | { readonly type: 'expired'; readonly data: EventData<typeof SurveyExpiredV1> };

/**
 * `close`/`reopen`: what the policy makes of the survey, with the note that goes on the
 * timeline beside the change. `record`: the survey goes on the timeline and nothing changes
 * (`note` says why).
 */
export type SurveyOutcome =
  | { readonly kind: 'close'; readonly reason: CloseReason; readonly note: string }
  | { readonly kind: 'reopen' | 'record'; readonly note: string };

function whatHappened(news: SurveyNews): string {
  if (news.type === 'expired') return `Satisfaction survey ${news.data.surveyId} got no answer before its window ended`;
  const { surveyId, score, scale, satisfied, dissatisfied } = news.data;
  const verdict = satisfied ? 'satisfied' : dissatisfied ? 'dissatisfied' : 'neither satisfied nor dissatisfied';
  return `The customer answered satisfaction survey ${surveyId} with ${score} on a scale of ${scale.min} to ${scale.max} (${verdict})`;
}

/**
 * What a survey's answer or silence does to the complaint under its policy's `survey` rules:
 * a satisfied answer confirms the resolution (closed `confirmed`); a dissatisfied one reopens
 * it where `onDissatisfied` says so (escalation raises the level on its own); no answer
 * closes it `no_response` where `onNoAnswer` says so. A neutral answer, and any news about a
 * complaint that is no longer resolved (an agent reopened or closed it first), only goes on
 * the timeline.
 */
export function decideSurveyOutcome(
  policy: Pick<PolicyDocument, 'id' | 'version' | 'survey'>,
  status: ComplaintStatus,
  news: SurveyNews,
): SurveyOutcome {
  const happened = whatHappened(news);
  const rules = policy.survey;
  const under = `policy ${policy.id} v${policy.version}`;
  if (status !== 'resolved') return { kind: 'record', note: `${happened}; the complaint was ${status} by then, so nothing changes.` };
  if (!rules) return { kind: 'record', note: `${happened}; ${under} has no survey rules.` };
  if (news.type === 'expired') {
    return rules.onNoAnswer === 'close_no_response'
      ? { kind: 'close', reason: 'no_response', note: `${happened}: closed as no_response, as ${under} says.` }
      : { kind: 'record', note: `${happened}; ${under} keeps the complaint resolved.` };
  }
  if (news.data.satisfied) return { kind: 'close', reason: 'confirmed', note: `${happened}: closed as confirmed.` };
  if (!news.data.dissatisfied) return { kind: 'record', note: `${happened}; the complaint stays resolved for an agent to decide.` };
  return rules.onDissatisfied === 'reopen' || rules.onDissatisfied === 'reopen_and_escalate'
    ? { kind: 'reopen', note: `${happened}: reopened, as ${under} says.` }
    : { kind: 'record', note: `${happened}; ${under} does not reopen the complaint.` };
}
