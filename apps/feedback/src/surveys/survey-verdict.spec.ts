import { builtInPolicy } from '@complaints/policy';
import { isOnScale, verdictOf } from './survey-verdict';

const mimo = builtInPolicy('mimo').survey;
if (!mimo) throw new Error('Mimo has a survey');

describe(verdictOf.name, () => {
  it.each([
    [1, 'dissatisfied'],
    [2, 'dissatisfied'],
    [3, 'neutral'],
    [4, 'satisfied'],
    [5, 'satisfied'],
  ] as const)("reads %i of Mimo's 1–5 scale as %s", (score, verdict) => {
    expect(verdictOf(mimo, score)).toBe(verdict);
  });

  it('follows a policy whose thresholds touch: no neutral score', () => {
    const strict = { dissatisfiedAtOrBelow: 3, satisfiedAtOrAbove: 4 };
    expect([1, 2, 3, 4, 5].map((score) => verdictOf(strict, score))).toEqual([
      'dissatisfied',
      'dissatisfied',
      'dissatisfied',
      'satisfied',
      'satisfied',
    ]);
  });
});

describe(isOnScale.name, () => {
  it('takes only whole scores from min to max', () => {
    expect([0, 1, 5, 6, 2.5, Number.NaN].map((score) => isOnScale(mimo.scale, score))).toEqual([false, true, true, false, false, false]);
  });
});
