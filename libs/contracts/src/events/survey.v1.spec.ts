import { SurveyAnsweredV1 } from './survey.v1';

const answered = {
  policyId: 'mimo',
  policyVersion: 1,
  surveyId: '0195f3a2-7c4e-7b1a-9c3d-2f6e8a1b4c5d',
  score: 2,
  scale: { min: 1, max: 5 },
  dissatisfied: true,
  satisfied: false,
  answeredAt: '2026-03-12T09:30:00+01:00',
};

describe('survey.answered v1', () => {
  it('carries the score, its scale and the verdict feedback drew from it', () => {
    expect(SurveyAnsweredV1.data.safeParse(answered).success).toBe(true);
    expect(SurveyAnsweredV1.data.safeParse({ ...answered, score: 5, dissatisfied: false, satisfied: true }).success).toBe(
      true,
    );
  });

  it('refuses a score off its scale, or a scale that runs backwards', () => {
    expect(SurveyAnsweredV1.data.safeParse({ ...answered, score: 6 }).success).toBe(false);
    expect(SurveyAnsweredV1.data.safeParse({ ...answered, score: 0 }).success).toBe(false);
    expect(SurveyAnsweredV1.data.safeParse({ ...answered, scale: { min: 5, max: 1 } }).success).toBe(false);
    expect(SurveyAnsweredV1.data.safeParse({ ...answered, score: 2.5 }).success).toBe(false);
  });

  it('refuses an answer judged both satisfied and dissatisfied', () => {
    expect(SurveyAnsweredV1.data.safeParse({ ...answered, satisfied: true }).success).toBe(false);
  });

  it("leaves the respondent's comment off the bus", () => {
    expect(SurveyAnsweredV1.data.safeParse({ ...answered, comment: 'slow and rude' }).success).toBe(false);
  });

  it('names the survey by its id', () => {
    expect(SurveyAnsweredV1.data.safeParse({ ...answered, surveyId: 'survey-1' }).success).toBe(false);
  });
});
