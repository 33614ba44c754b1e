import { SurveyTally, surveyStats } from './survey-stats';

const scale = { min: 1, max: 5 };
const monday = new Date('2026-03-02T00:00:00Z');
const tuesday = new Date('2026-03-03T00:00:00Z');

describe(surveyStats.name, () => {
  const tallies: SurveyTally[] = [
    { periodStart: monday, score: null, verdict: null, scale, surveys: 2 },
    { periodStart: monday, score: 5, verdict: 'satisfied', scale, surveys: 3 },
    { periodStart: monday, score: 3, verdict: 'neutral', scale, surveys: 1 },
    { periodStart: tuesday, score: 1, verdict: 'dissatisfied', scale, surveys: 1 },
  ];

  it('counts what was sent, answered and satisfied, per period and in all', () => {
    const stats = surveyStats(tallies);
    expect(stats.total).toEqual({
      sent: 7,
      answered: 5,
      responseRate: 5 / 7,
      csat: 3 / 5,
      distribution: [
        { score: 1, count: 1 },
        { score: 2, count: 0 },
        { score: 3, count: 1 },
        { score: 4, count: 0 },
        { score: 5, count: 3 },
      ],
    });
    expect(stats.periods.map(({ start, sent, answered, csat }) => ({ start, sent, answered, csat }))).toEqual([
      { start: '2026-03-02T00:00:00.000Z', sent: 6, answered: 4, csat: 3 / 4 },
      { start: '2026-03-03T00:00:00.000Z', sent: 1, answered: 1, csat: 0 },
    ]);
  });

  it('has no rate to report when nothing was sent or answered', () => {
    expect(surveyStats([]).total).toMatchObject({ sent: 0, answered: 0, responseRate: null, csat: null });
    expect(surveyStats([]).total.distribution).toHaveLength(5);
    expect(surveyStats([tallies[0] as SurveyTally]).total).toMatchObject({ sent: 2, responseRate: 0, csat: null });
  });
});
