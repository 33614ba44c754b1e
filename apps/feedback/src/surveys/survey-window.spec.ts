import { builtInPolicy } from '@complaints/policy';
import { surveyWindowEnd } from './survey-window';

describe(surveyWindowEnd.name, () => {
  it("ends Mimo's survey 7 days after it was sent", () => {
    expect(surveyWindowEnd(builtInPolicy('mimo'), new Date('2026-03-06T16:30:00Z'))).toEqual(new Date('2026-03-13T16:30:00Z'));
  });

  it('keeps the local wall-clock time across a DST change (imolocale, Europe/Paris)', () => {
    expect(surveyWindowEnd(builtInPolicy('imolocale'), new Date('2026-03-26T10:00:00+01:00'))).toEqual(
      new Date('2026-04-02T10:00:00+02:00'),
    );
  });

  it('leaves the survey open when the policy has no window', () => {
    const mimo = builtInPolicy('mimo');
    const noWindow = { ...mimo, clocks: mimo.clocks.filter((clock) => clock.id !== 'survey_window') };
    expect(surveyWindowEnd(noWindow, new Date('2026-03-06T16:30:00Z'))).toBeNull();
  });
});
