import { SlaTally, slaReportMetrics } from './sla-report-figures';

const tally = (metric: string, periodStart: string | null, figures: Partial<SlaTally> = {}): SlaTally => ({
  metric,
  periodStart: periodStart === null ? null : new Date(periodStart),
  started: 0,
  met: 0,
  breached: 0,
  running: 0,
  medianBusinessSecondsToMeet: null,
  p90BusinessSecondsToMeet: null,
  warned: 0,
  ...figures,
});

const empty = {
  started: 0,
  met: 0,
  breached: 0,
  running: 0,
  attainment: null,
  medianBusinessSecondsToMeet: null,
  p90BusinessSecondsToMeet: null,
  warned: 0,
};

describe(slaReportMetrics.name, () => {
  it('gives attainment as met over decided, and none when nothing was decided', () => {
    const [report] = slaReportMetrics(
      [
        tally('acknowledgement', null, {
          started: 5,
          met: 3,
          breached: 1,
          running: 1,
          medianBusinessSecondsToMeet: 60,
        }),
        tally('acknowledgement', '2026-11-23T00:00:00Z', { started: 1, running: 1 }),
      ],
      ['acknowledgement'],
      'UTC',
    );
    expect(report?.total).toEqual({
      ...empty,
      started: 5,
      met: 3,
      breached: 1,
      running: 1,
      attainment: 0.75,
      medianBusinessSecondsToMeet: 60,
    });
    expect(report?.periods).toEqual([
      { ...empty, start: '2026-11-23T00:00:00.000Z', started: 1, running: 1 },
    ]);
  });

  it("orders periods oldest first and writes their starts in the policy's zone", () => {
    const [report] = slaReportMetrics(
      [
        tally('resolution', '2026-11-30T17:00:00Z', { started: 1 }),
        tally('resolution', '2026-10-31T17:00:00Z', { started: 2 }),
        tally('resolution', null, { started: 3 }),
      ],
      ['resolution'],
      'Asia/Ho_Chi_Minh',
    );
    expect(report?.periods.map((period) => [period.start, period.started])).toEqual([
      ['2026-11-01T00:00:00.000+07:00', 2],
      ['2026-12-01T00:00:00.000+07:00', 1],
    ]);
  });

  it("lists every metric asked for in the policy's order, zero when no clock started, then others the clocks have", () => {
    const metrics = slaReportMetrics(
      [tally('resolution', null, { started: 1 }), tally('final_response', null, { started: 2 })],
      ['acknowledgement', 'resolution'],
      'UTC',
    );
    expect(metrics.map(({ metric, total }) => [metric, total.started])).toEqual([
      ['acknowledgement', 0],
      ['resolution', 1],
      ['final_response', 2],
    ]);
    expect(metrics[0]).toEqual({ metric: 'acknowledgement', total: empty, periods: [] });
  });
});
