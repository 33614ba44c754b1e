import { SlaReport, SlaReportFigures } from '@complaints/contracts';

const FIGURES = [
  'started',
  'met',
  'breached',
  'running',
  'attainment',
  'medianBusinessSecondsToMeet',
  'p90BusinessSecondsToMeet',
  'warned',
] as const satisfies readonly (keyof SlaReportFigures)[];

export const SLA_REPORT_CSV_HEADER = ['metric', 'period', ...FIGURES].join(',');

/** Metric ids, ISO instants and numbers only: no field needs quoting. An absent figure is an empty cell. */
const line = (metric: string, period: string, figures: SlaReportFigures): string =>
  [metric, period, ...FIGURES.map((figure) => String(figures[figure] ?? ''))].join(',');

/**
 * The report as CSV (RFC 4180, CRLF line ends): a header, then per metric one row per period
 * (`period` its start) and one for the whole window (`period` = `total`), with the same numbers
 * as the JSON.
 */
export function slaReportCsv(report: SlaReport): string {
  const rows = report.metrics.flatMap(({ metric, total, periods }) => [
    ...periods.map(({ start, ...figures }) => line(metric, start, figures)),
    line(metric, 'total', total),
  ]);
  return [SLA_REPORT_CSV_HEADER, ...rows].map((row) => `${row}\r\n`).join('');
}
