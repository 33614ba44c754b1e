import { InvalidInputError, NotFoundError } from '@complaints/domain';
import { PolicyRegistry, builtInPolicies } from '@complaints/policy';
import { randomUUID } from 'node:crypto';
import { ClockState } from '../src/clocks/clock-state';
import { SqlComplaintClocksRepository } from '../src/clocks/sql-complaint-clocks.repository';
import { GetSlaReport } from '../src/reports/get-sla-report';
import { SqlSlaReportRepository } from '../src/reports/sql-sla-report.repository';
import { FakeClock, TimerTestDatabase } from './timer-fixture';

/*
 * Mimo complaints (UTC, acknowledgement within 2 business hours) whose clocks ended in known
 * ways, stored as sla stores them, and the report counted over them by PostgreSQL.
 */
describe(GetSlaReport.name, () => {
  const clock = new FakeClock(new Date('2026-11-24T11:00:00Z'));
  const clocks = new SqlComplaintClocksRepository();
  const policies = new PolicyRegistry(builtInPolicies());
  const agent = { name: 'agent', role: 'agent' as const, organisationId: 'mimo' };
  let db: TimerTestDatabase;
  let report: GetSlaReport;

  const at = (iso: string): Date => new Date(iso);

  /** An acknowledgement clock started at `startedAt` (10:00 UTC), due two hours later, warning at 11:30. */
  function acknowledgement(day: string, state: Partial<ClockState>): ClockState {
    return {
      metric: 'acknowledgement',
      status: 'running',
      startedAt: at(`${day}T10:00:00Z`),
      dueAt: at(`${day}T12:00:00Z`),
      warnAt: at(`${day}T11:30:00Z`),
      metAt: null,
      breachedAt: null,
      explanation: 'seeded',
      steps: [],
      ...state,
    };
  }

  async function seed(policyId: string, states: readonly ClockState[]): Promise<void> {
    const complaintId = randomUUID();
    const [first] = states;
    const receivedAt = first?.startedAt?.getTime() ?? 0;
    const em = db.orm.em.fork();
    await em.transactional(async (tx) => {
      const complaint = {
        complaintId,
        policyId,
        policyVersion: 1,
        kind: 'complaint' as const,
        channel: 'email' as const,
        receivedAt,
        thirdParty: false,
        pauses: [],
        clockEvents: [],
      };
      await clocks.save(tx, complaint, clock.now());
      await clocks.saveClocks(tx, complaint, states, clock.now());
    });
  }

  beforeAll(async () => {
    db = await TimerTestDatabase.create();
    report = new GetSlaReport(db.orm.em, new SqlSlaReportRepository(), policies, clock);
    const week1 = '2026-11-17';
    const week2 = '2026-11-24';
    // Week of 16 November: three met (one after its warning), one kept late.
    await seed('mimo', [
      acknowledgement(week1, { status: 'met', metAt: at(`${week1}T10:10:00Z`), elapsedBusinessSeconds: 600 }),
      {
        ...acknowledgement(week1, {}),
        metric: 'resolution',
        dueAt: at('2026-11-24T10:00:00Z'),
        warnAt: at('2026-11-23T10:00:00Z'),
      },
    ]);
    await seed('mimo', [
      acknowledgement(week1, {
        status: 'met',
        metAt: at(`${week1}T10:30:00Z`),
        elapsedBusinessSeconds: 1_800,
      }),
    ]);
    await seed('mimo', [
      acknowledgement(week1, {
        status: 'met',
        metAt: at(`${week1}T11:40:00Z`),
        elapsedBusinessSeconds: 6_000,
      }),
    ]);
    await seed('mimo', [
      acknowledgement(week1, {
        status: 'breached',
        breachedAt: at(`${week1}T12:00:00Z`),
        metAt: at(`${week1}T12:30:00Z`),
        elapsedBusinessSeconds: 9_000,
        overdueBusinessSeconds: 1_800,
      }),
    ]);
    // Week of 23 November: one breached and still waiting, one running before its warning, one cancelled.
    await seed('mimo', [
      acknowledgement(week2, { status: 'breached', breachedAt: at(`${week2}T12:00:00Z`) }),
    ]);
    await seed('mimo', [acknowledgement(week2, {})]);
    await seed('mimo', [acknowledgement(week2, { status: 'cancelled' })]);
    // Outside the window, and another policy's: not counted.
    await seed('mimo', [
      acknowledgement('2026-12-01', {
        status: 'met',
        metAt: at('2026-12-01T10:05:00Z'),
        elapsedBusinessSeconds: 300,
      }),
    ]);
    await seed('mit', [
      acknowledgement(week1, { status: 'met', metAt: at(`${week1}T10:05:00Z`), elapsedBusinessSeconds: 300 }),
    ]);
  });
  afterAll(() => db.close());

  const window = { policyId: 'mimo', from: '2026-11-16T00:00:00Z', to: '2026-11-30T00:00:00Z' };
  const none = { medianBusinessSecondsToMeet: null, p90BusinessSecondsToMeet: null };

  it('counts each metric per ISO week and over the window, with attainment, median and p90 of the stopped clocks', async () => {
    const result = await report.execute({ principal: agent, ...window, groupBy: 'week' });
    expect(result.zone).toBe('UTC');
    expect(result.metrics.map((metric) => metric.metric)).toEqual([
      'acknowledgement',
      'first_reply',
      'resolution',
      'survey_window',
    ]);
    const [acknowledgements, firstReply, resolution] = result.metrics;
    expect(acknowledgements?.total).toEqual({
      started: 7,
      met: 3,
      breached: 2,
      running: 1,
      attainment: 0.6,
      medianBusinessSecondsToMeet: 1_800,
      p90BusinessSecondsToMeet: 9_000,
      warned: 3,
    });
    expect(acknowledgements?.periods).toEqual([
      {
        start: '2026-11-16T00:00:00.000Z',
        started: 4,
        met: 3,
        breached: 1,
        running: 0,
        attainment: 0.75,
        medianBusinessSecondsToMeet: 1_800,
        p90BusinessSecondsToMeet: 9_000,
        warned: 2,
      },
      {
        start: '2026-11-23T00:00:00.000Z',
        started: 3,
        met: 0,
        breached: 1,
        running: 1,
        attainment: 0,
        ...none,
        warned: 1,
      },
    ]);
    expect(firstReply?.total).toEqual({
      started: 0,
      met: 0,
      breached: 0,
      running: 0,
      attainment: null,
      ...none,
      warned: 0,
    });
    // The resolution clock runs on: past its warning instant by now, so it has warned.
    expect(resolution?.total).toEqual({
      started: 1,
      met: 0,
      breached: 0,
      running: 1,
      attainment: null,
      ...none,
      warned: 1,
    });
  });

  it('cuts days and filters one metric', async () => {
    const result = await report.execute({
      principal: agent,
      ...window,
      groupBy: 'day',
      metric: 'acknowledgement',
    });
    expect(result.metrics.map((metric) => metric.metric)).toEqual(['acknowledgement']);
    expect(result.metrics[0]?.periods.map((period) => [period.start, period.started])).toEqual([
      ['2026-11-17T00:00:00.000Z', 4],
      ['2026-11-24T00:00:00.000Z', 3],
    ]);
  });

  it("answers another organisation's policy as not found, and names a metric the policy does not have", async () => {
    const mit = { name: 'mit-agent', role: 'agent' as const, organisationId: 'mit' };
    await expect(report.execute({ principal: mit, ...window, groupBy: 'week' })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await expect(
      report.execute({ principal: agent, ...window, groupBy: 'week', metric: 'regular_update' }),
    ).rejects.toMatchObject({
      constructor: InvalidInputError,
      fieldErrors: [
        {
          field: 'metric',
          message: 'must be one of acknowledgement, first_reply, resolution, survey_window',
        },
      ],
    });
    await expect(
      report.execute({ principal: agent, ...window, to: '2027-11-30T00:00:00Z', groupBy: 'week' }),
    ).rejects.toMatchObject({
      fieldErrors: [{ field: 'to', message: 'must be at most 366 days after from' }],
    });
  });
});
