import { builtInPolicy } from '@complaints/policy';
import { SurveyNews, decideSurveyOutcome } from './decide-survey-outcome';

const mimo = builtInPolicy('mimo');
const surveyId = '0195f3a2-7c4e-7b1a-9c3d-2f6e8a1b4c5d';

function answered(score: number): SurveyNews {
  return {
    type: 'answered',
    data: {
      policyId: 'mimo',
      policyVersion: 1,
      surveyId,
      score,
      scale: { min: 1, max: 5 },
      dissatisfied: score <= 2,
      satisfied: score >= 4,
      answeredAt: '2026-03-12T09:30:00Z',
    },
  };
}

const expired: SurveyNews = {
  type: 'expired',
  data: { policyId: 'mimo', policyVersion: 1, surveyId, expiredAt: '2026-03-12T09:30:00Z' },
};

function withSurvey(changes: Partial<NonNullable<typeof mimo.survey>>) {
  return { ...mimo, survey: { ...(mimo.survey as NonNullable<typeof mimo.survey>), ...changes } };
}

describe(decideSurveyOutcome.name, () => {
  it('closes a resolved complaint as confirmed when the customer is satisfied', () => {
    expect(decideSurveyOutcome(mimo, 'resolved', answered(5))).toEqual({
      kind: 'close',
      reason: 'confirmed',
      note: `The customer answered satisfaction survey ${surveyId} with 5 on a scale of 1 to 5 (satisfied): closed as confirmed.`,
    });
  });

  it("reopens it on a dissatisfied answer under Mimo's reopen_and_escalate", () => {
    expect(decideSurveyOutcome(mimo, 'resolved', answered(1))).toMatchObject({ kind: 'reopen' });
  });

  it('only records a dissatisfied answer where the policy escalates or records without reopening', () => {
    for (const onDissatisfied of ['escalate', 'record_only'] as const) {
      const outcome = decideSurveyOutcome(withSurvey({ onDissatisfied }), 'resolved', answered(2));
      expect(outcome).toMatchObject({ kind: 'record', note: expect.stringMatching(/does not reopen the complaint\.$/) });
    }
  });

  it('leaves a neutral answer to an agent', () => {
    expect(decideSurveyOutcome(mimo, 'resolved', answered(3))).toMatchObject({
      kind: 'record',
      note: expect.stringMatching(/\(neither satisfied nor dissatisfied\); the complaint stays resolved/),
    });
  });

  it('closes as no_response when the window ends unanswered, only where the policy says so', () => {
    expect(decideSurveyOutcome(withSurvey({ onNoAnswer: 'close_no_response' }), 'resolved', expired)).toMatchObject({
      kind: 'close',
      reason: 'no_response',
    });
    expect(decideSurveyOutcome(mimo, 'resolved', expired)).toMatchObject({ kind: 'record', note: expect.stringMatching(/keeps the complaint resolved/) });
  });

  it('changes nothing on a complaint an agent already reopened or closed', () => {
    for (const status of ['in_progress', 'closed'] as const) {
      expect(decideSurveyOutcome(mimo, status, answered(5))).toMatchObject({
        kind: 'record',
        note: expect.stringMatching(new RegExp(`the complaint was ${status} by then, so nothing changes\\.$`)),
      });
      expect(decideSurveyOutcome(withSurvey({ onNoAnswer: 'close_no_response' }), status, expired).kind).toBe('record');
    }
  });
});
