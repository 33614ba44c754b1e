import { TallyPart, combineTallyParts, percentileDisc } from './sla-report-tallies';

const part = (metric: string, day: string, figures: Partial<TallyPart>): TallyPart => ({
  metric,
  periodStart: new Date(`${day}T00:00:00Z`),
  started: 0,
  met: 0,
  breached: 0,
  running: 0,
  warned: 0,
  elapsedBusinessSeconds: [],
  ...figures,
});

describe(percentileDisc.name, () => {
  it('is the first value whose position reaches the fraction', () => {
    expect(percentileDisc([10, 20, 30, 40], 0.5)).toBe(20);
    expect(percentileDisc([10, 20, 30, 40, 50], 0.5)).toBe(30);
    expect(percentileDisc([10], 0.9)).toBe(10);
    expect(percentileDisc([], 0.5)).toBeNull();
  });

  it('takes the position as PostgreSQL does: 0.9 of 30 values is the 27th, of 31 the 28th', () => {
    const first = (count: number) => Array.from({ length: count }, (_, index) => index + 1);
    expect(percentileDisc(first(30), 0.9)).toBe(27);
    expect(percentileDisc(first(31), 0.9)).toBe(28);
  });
});

describe(combineTallyParts.name, () => {
  it('adds counts per period and over the window, and takes medians over the merged business times', () => {
    const tallies = combineTallyParts([
      part('acknowledgement', '2026-11-16', { started: 3, met: 2, breached: 1, warned: 1, elapsedBusinessSeconds: [300, 900, 7200] }),
      part('acknowledgement', '2026-11-16', { started: 2, running: 2, warned: 1 }),
      part('acknowledgement', '2026-11-23', { started: 2, met: 2, elapsedBusinessSeconds: new Int32Array([60, 120]) }),
      part('resolution', '2026-11-23', { started: 1, running: 1 }),
    ]);
    const find = (metric: string, day: string | null) =>
      tallies.find((tally) => tally.metric === metric && (tally.periodStart?.toISOString() ?? null) === (day && `${day}T00:00:00.000Z`));
    expect(find('acknowledgement', '2026-11-16')).toMatchObject({
      started: 5,
      met: 2,
      breached: 1,
      running: 2,
      warned: 2,
      medianBusinessSecondsToMeet: 900,
      p90BusinessSecondsToMeet: 7200,
    });
    expect(find('acknowledgement', null)).toMatchObject({
      started: 7,
      met: 4,
      breached: 1,
      running: 2,
      warned: 2,
      medianBusinessSecondsToMeet: 300,
      p90BusinessSecondsToMeet: 7200,
    });
    expect(find('resolution', null)).toMatchObject({ started: 1, running: 1, medianBusinessSecondsToMeet: null });
    expect(tallies).toHaveLength(5);
  });
});
