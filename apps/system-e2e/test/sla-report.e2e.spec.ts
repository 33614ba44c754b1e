import { waitFor } from '@complaints/testing';
import { ApiResponse, expectStatus, problemFields } from './support/api-client';
import { newComplaint } from './support/complaint-bodies';
import { API_KEYS } from './support/running-system';
import { systemForFile } from './support/system-for-file';

/*
 * The SLA report through the gateway, over three Mimo complaints of this file's own database:
 * one acknowledged as soon as it arrives (met), one back-dated three weeks whose
 * acknowledgement sla's timers breach at once, and one left running.
 */

const DAY_MS = 24 * 3600_000;

interface Figures {
  started: number;
  met: number;
  breached: number;
  running: number;
  attainment: number | null;
  medianBusinessSecondsToMeet: number | null;
  p90BusinessSecondsToMeet: number | null;
  warned: number;
}
interface MetricReport {
  metric: string;
  total: Figures;
  periods: (Figures & { start: string })[];
}

const FIGURES = [
  'started',
  'met',
  'breached',
  'running',
  'attainment',
  'medianBusinessSecondsToMeet',
  'p90BusinessSecondsToMeet',
  'warned',
] as const;

/** The CSV's rows as the JSON would give them, to compare the two. */
function csvRows(csv: string): string[][] {
  return csv
    .trimEnd()
    .split('\r\n')
    .map((line) => line.split(','));
}

function jsonRows(metrics: readonly MetricReport[]): string[][] {
  const cells = (figures: Figures) => FIGURES.map((figure) => String(figures[figure] ?? ''));
  return metrics.flatMap(({ metric, total, periods }) => [
    ...periods.map((period) => [metric, period.start, ...cells(period)]),
    [metric, 'total', ...cells(total)],
  ]);
}

describe('GET /v1/reports/sla', () => {
  const sut = systemForFile(['gateway', 'intake', 'sla'], { database: true });
  const { api } = sut;
  const from = new Date(Date.now() - 28 * DAY_MS).toISOString();
  const to = new Date(Date.now() + DAY_MS).toISOString();
  const query = `policyId=mimo&from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}&groupBy=month`;
  let report: ApiResponse;

  const acknowledgementOf = (response: ApiResponse): MetricReport =>
    (response.body.metrics as MetricReport[]).find(
      (metric) => metric.metric === 'acknowledgement',
    ) as MetricReport;

  beforeAll(async () => {
    const met = expectStatus(await api.create(API_KEYS.agent, newComplaint()), 201).body;
    expectStatus(await api.command(API_KEYS.agent, met.id, 'acknowledge'), 200);
    const receivedAt = new Date(Date.now() - 21 * DAY_MS).toISOString();
    expectStatus(await api.create(API_KEYS.agent, newComplaint({ receivedAt })), 201);
    expectStatus(await api.create(API_KEYS.agent, newComplaint()), 201);
    report = await waitFor(
      'sla to start three acknowledgement clocks, meet one and breach another',
      async () => {
        // sla handles different complaints concurrently: the third clock may start last.
        const response = await api.get(API_KEYS.agent, `/v1/reports/sla?${query}`);
        const total = response.status === 200 ? acknowledgementOf(response).total : undefined;
        return total?.started === 3 && total.met === 1 && total.breached === 1 && response;
      },
      20_000,
      250,
    );
  });

  it('counts the acknowledgements: one met, one breached, one running, attainment ½', () => {
    expect(report.body).toMatchObject({ policyId: 'mimo', groupBy: 'month', zone: 'UTC' });
    const { total } = acknowledgementOf(report);
    expect(total).toMatchObject({ started: 3, met: 1, breached: 1, running: 1, attainment: 0.5, warned: 1 });
    // Acknowledged at once: at most the seconds the request took, in business time.
    expect(total.medianBusinessSecondsToMeet).toBeLessThanOrEqual(60);
    expect(total.p90BusinessSecondsToMeet).toBe(total.medianBusinessSecondsToMeet);
    const periods = acknowledgementOf(report).periods;
    expect(periods.reduce((sum, period) => sum + period.started, 0)).toBe(3);
  });

  it('gives the same figures as CSV', async () => {
    const csv = await api.call('GET', `/v1/reports/sla?${query}`, {
      key: API_KEYS.agent,
      headers: { accept: 'text/csv' },
    });
    expect(csv.status).toBe(200);
    expect(csv.contentType).toMatch(/^text\/csv/);
    const [header, ...rows] = csvRows(csv.body as string);
    expect(header).toEqual(['metric', 'period', ...FIGURES]);
    expect(rows).toEqual(jsonRows(report.body.metrics as MetricReport[]));
  });

  it("answers agents and admins of the policy's organisation only", async () => {
    expect((await api.get(API_KEYS.mimoAdmin, `/v1/reports/sla?${query}`)).status).toBe(200);
    expect((await api.get(API_KEYS.mitAgent, `/v1/reports/sla?${query}`)).status).toBe(404);
    expect((await api.get(API_KEYS.alice, `/v1/reports/sla?${query}`)).status).toBe(403);
    expect((await api.get(API_KEYS.auditor, `/v1/reports/sla?${query}`)).status).toBe(403);
  });

  it('refuses bad input as problems naming the field', async () => {
    const ask = (params: string) => api.get(API_KEYS.agent, `/v1/reports/sla?${params}`);
    const groupedByYear = await ask(`${query.replace('groupBy=month', 'groupBy=year')}`);
    expect([groupedByYear.status, problemFields(groupedByYear)]).toEqual([400, ['groupBy']]);
    expect(groupedByYear.contentType).toMatch(/^application\/problem\+json/);
    const backwards = await ask(
      `policyId=mimo&from=${encodeURIComponent(to)}&to=${encodeURIComponent(from)}`,
    );
    expect([backwards.status, problemFields(backwards)]).toEqual([422, ['to']]);
    const tooLong = await ask(`policyId=mimo&from=2024-01-01T00:00:00Z&to=2026-01-01T00:00:00Z`);
    expect([tooLong.status, problemFields(tooLong)]).toEqual([422, ['to']]);
    const unknownMetric = await ask(`${query}&metric=regular_update`);
    expect([unknownMetric.status, problemFields(unknownMetric)]).toEqual([422, ['metric']]);
    const noPolicy = await ask(`from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`);
    expect([noPolicy.status, problemFields(noPolicy)]).toEqual([400, ['policyId']]);
  });
});
