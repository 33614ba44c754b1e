import { SlaReport } from '@complaints/contracts';
import { SLA_REPORT_CSV_HEADER, slaReportCsv } from './sla-report-csv';

const figures = {
  started: 4,
  met: 2,
  breached: 1,
  running: 1,
  attainment: 2 / 3,
  medianBusinessSecondsToMeet: 3600,
  p90BusinessSecondsToMeet: 7200,
  warned: 1,
};
const undecided = {
  ...figures,
  met: 0,
  breached: 0,
  attainment: null,
  medianBusinessSecondsToMeet: null,
  p90BusinessSecondsToMeet: null,
};

const report: SlaReport = {
  policyId: 'mimo',
  from: '2026-11-01T00:00:00.000Z',
  to: '2026-12-01T00:00:00.000Z',
  groupBy: 'week',
  zone: 'UTC',
  metrics: [
    {
      metric: 'acknowledgement',
      total: figures,
      periods: [{ start: '2026-11-16T00:00:00+00:00', ...figures }],
    },
    { metric: 'resolution', total: undecided, periods: [] },
  ],
};

describe(slaReportCsv.name, () => {
  it('writes one row per metric and period, then its total, with empty cells for absent figures', () => {
    expect(slaReportCsv(report).split('\r\n')).toEqual([
      SLA_REPORT_CSV_HEADER,
      `acknowledgement,2026-11-16T00:00:00+00:00,4,2,1,1,${2 / 3},3600,7200,1`,
      `acknowledgement,total,4,2,1,1,${2 / 3},3600,7200,1`,
      'resolution,total,4,0,0,1,,,,1',
      '',
    ]);
  });

  it('names every figure of the JSON in its header', () => {
    expect(SLA_REPORT_CSV_HEADER).toBe(
      'metric,period,started,met,breached,running,attainment,medianBusinessSecondsToMeet,p90BusinessSecondsToMeet,warned',
    );
  });
});
