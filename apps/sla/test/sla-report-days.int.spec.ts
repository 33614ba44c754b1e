import { SlaClockStatus, SlaReportGrouping } from '@complaints/contracts';
import { executeSql } from '@complaints/persistence';
import { ClockId, PolicyRegistry, builtInPolicies } from '@complaints/policy';
import { EntityManager } from '@mikro-orm/postgresql';
import { ClockState } from '../src/clocks/clock-state';
import { SqlComplaintClocksRepository } from '../src/clocks/sql-complaint-clocks.repository';
import { SlaTally } from '../src/reports/sla-report-figures';
import { RefreshReportDays } from '../src/reports/refresh-report-days';
import { SlaReportQuery } from '../src/reports/sla-report.repository';
import { SqlSlaReportDays } from '../src/reports/sql-sla-report-days';
import { SqlSlaReportRepository } from '../src/reports/sql-sla-report.repository';
import { TimerTestDatabase } from './timer-fixture';

/*
 * The report from stored days and live clocks must say exactly what one statement over every
 * clock of the window says (the oracle below, the report's first implementation): whatever the
 * zone, grouping and window edges, and after clocks change, move day, or are written by a
 * transaction that commits while a report is refreshing the days.
 */
const ORACLE = `select metric, period as period_start,
    count(*) as started,
    count(*) filter (where status = 'met') as met,
    count(*) filter (where status = 'breached') as breached,
    count(*) filter (where status in ('running', 'paused')) as running,
    percentile_disc(0.5) within group (order by elapsed_business_seconds) as median,
    percentile_disc(0.9) within group (order by elapsed_business_seconds) as p90,
    count(*) filter (where warned) as warned
  from (
    select metric, status, elapsed_business_seconds,
      date_trunc(?, started_at at time zone ?) at time zone ? as period,
      status <> 'cancelled' and warn_at is not null and warn_at < coalesce(met_at, breached_at, ?)
        and (due_at is null or warn_at < due_at) as warned
    from sla.clocks
    where policy_id = ? and started_at >= ? and started_at < ? and (?::text is null or metric = ?)
  ) clock
  group by grouping sets ((metric, period), (metric))`;

async function oracle(em: EntityManager, query: SlaReportQuery): Promise<SlaTally[]> {
  const rows = await executeSql<Record<string, string | Date | null>>(em, ORACLE, [
    query.groupBy,
    query.zone,
    query.zone,
    query.now,
    query.policyId,
    query.from,
    query.to,
    query.metric ?? null,
    query.metric ?? null,
  ]);
  const number = (value: unknown) => (value === null ? null : Number(value));
  return rows.map((row) => ({
    metric: String(row['metric']),
    periodStart: row['period_start'] === null ? null : new Date(row['period_start'] as Date),
    started: Number(row['started']),
    met: Number(row['met']),
    breached: Number(row['breached']),
    running: Number(row['running']),
    medianBusinessSecondsToMeet: number(row['median']),
    p90BusinessSecondsToMeet: number(row['p90']),
    warned: Number(row['warned']),
  }));
}

const inOrder = (tallies: readonly SlaTally[]) =>
  [...tallies].sort((a, b) =>
    `${a.metric}|${a.periodStart?.toISOString() ?? ''}`.localeCompare(`${b.metric}|${b.periodStart?.toISOString() ?? ''}`),
  );

/** A small deterministic generator: the same clocks on every run. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

const METRICS: ClockId[] = ['acknowledgement', 'first_reply', 'resolution', 'survey_window'];
const STATUSES: SlaClockStatus[] = ['met', 'met', 'met', 'breached', 'breached', 'running', 'paused', 'cancelled'];
const HOUR = 3_600_000;

describe('SLA report from stored days', () => {
  const clocks = new SqlComplaintClocksRepository();
  const repository = new SqlSlaReportRepository();
  const next = random(20_261_204);
  const now = new Date('2026-04-03T12:00:00Z');
  let db: TimerTestDatabase;

  /** A clock of a random outcome started at `startedAt`. */
  function randomClock(metric: ClockId, startedAt: Date): ClockState {
    const status = STATUSES[Math.floor(next() * STATUSES.length)] ?? 'running';
    const at = (hours: number) => new Date(startedAt.getTime() + hours * HOUR);
    const dueHours = 1 + Math.floor(next() * 48);
    const endHours = next() * dueHours * 1.5;
    const stopped = status === 'met' || (status === 'breached' && next() < 0.5);
    return {
      metric,
      status,
      startedAt,
      dueAt: at(dueHours),
      warnAt: next() < 0.9 ? at(dueHours * 0.75) : null,
      metAt: stopped ? at(endHours) : null,
      breachedAt: status === 'breached' ? at(dueHours) : null,
      explanation: 'seeded',
      steps: [],
      // A few stopped clocks have no figure (stopped before business time was measured).
      elapsedBusinessSeconds: stopped && next() < 0.95 ? Math.floor(endHours * 3600) : null,
    };
  }

  async function seed(complaints: number, from: Date, spanHours: number): Promise<string[]> {
    const ids: string[] = [];
    for (let index = 0; index < complaints; index += 1) {
      const complaintId = crypto.randomUUID();
      const receivedAt = new Date(from.getTime() + Math.floor(next() * spanHours * HOUR));
      const complaint = {
        complaintId,
        policyId: 'mimo',
        policyVersion: 1,
        kind: 'complaint' as const,
        channel: 'email' as const,
        receivedAt: receivedAt.getTime(),
        thirdParty: false,
        pauses: [],
        clockEvents: [],
      };
      await db.orm.em.fork().transactional(async (tx) => {
        await clocks.save(tx, complaint, now);
        await clocks.saveClocks(tx, complaint, METRICS.map((metric) => randomClock(metric, receivedAt)), now);
      });
      ids.push(complaintId);
    }
    return ids;
  }

  const queries = (zone: string): SlaReportQuery[] => {
    const cases: [string, string, SlaReportGrouping, string | undefined][] = [
      ['2026-03-20T00:00:00Z', '2026-04-06T00:00:00Z', 'day', undefined],
      ['2026-03-21T07:30:00Z', '2026-04-02T17:45:00Z', 'week', undefined],
      ['2026-03-01T00:00:00Z', '2026-05-01T00:00:00Z', 'month', 'resolution'],
      ['2026-03-29T00:30:00Z', '2026-03-29T22:00:00Z', 'day', undefined],
      ['2026-03-28T23:00:00Z', '2026-03-30T22:00:00Z', 'day', 'acknowledgement'],
    ];
    return cases.map(([from, to, groupBy, metric]) => ({
      policyId: 'mimo',
      from: new Date(from),
      to: new Date(to),
      groupBy,
      metric,
      zone,
      now,
    }));
  };

  async function expectAgreement(zone: string): Promise<void> {
    for (const query of queries(zone)) {
      const reported = await repository.tallies(db.orm.em.fork(), query);
      expect(inOrder(reported)).toEqual(inOrder(await oracle(db.orm.em.fork(), query)));
    }
  }

  const storedDays = async () =>
    Number((await executeSql<{ count: string }>(db.orm.em.fork(), `select count(*) from sla.report_days`))[0]?.count);

  beforeAll(async () => {
    db = await TimerTestDatabase.create();
    // Around the spring DST change in Paris (29 March), across two months.
    await seed(120, new Date('2026-03-20T00:00:00Z'), 16 * 24);
  });
  afterAll(() => db.close());

  it.each(['UTC', 'Europe/Paris', 'Asia/Ho_Chi_Minh', 'America/Los_Angeles'])(
    'agrees with every clock counted at once, cut in %s',
    async (zone) => {
      await expectAgreement(zone);
      expect(await storedDays()).toBeGreaterThan(0);
    },
  );

  it('follows clocks that stop, change outcome, move to another day, and new ones', async () => {
    await expectAgreement('Europe/Paris');
    const em = db.orm.em.fork();
    // Running clocks met; met ones turned breached; one clock re-planned from another day.
    await executeSql(
      em,
      `update sla.clocks set status = 'met', met_at = started_at + interval '1 hour', elapsed_business_seconds = 3600,
         updated_at = now() where status = 'running' and started_at < '2026-03-25'`,
    );
    await executeSql(em, `update sla.clocks set status = 'breached', breached_at = due_at
       where status = 'met' and started_at between '2026-03-30' and '2026-03-31'`);
    await executeSql(
      em,
      `update sla.clocks set started_at = started_at - interval '3 days'
       where (complaint_id, metric) = (select complaint_id, metric from sla.clocks where status = 'met' order by started_at desc limit 1)`,
    );
    await seed(10, new Date('2026-03-27T00:00:00Z'), 72);
    await expectAgreement('Europe/Paris');
  });

  it("follows clocks saved again as sla saves them (an upsert of all of a complaint's clocks)", async () => {
    const [id] = await seed(1, new Date('2026-03-24T00:00:00Z'), 24);
    await expectAgreement('Europe/Paris');
    const complaint = { complaintId: id as string, policyId: 'mimo' };
    const saved = await clocks.clocksOf(db.orm.em.fork(), complaint.complaintId);
    const resaved = saved.map((clock) => ({
      ...clock,
      status: 'met' as const,
      metAt: new Date((clock.startedAt as Date).getTime() + HOUR),
      elapsedBusinessSeconds: 1_234,
    }));
    await db.orm.em.fork().transactional((tx) => clocks.saveClocks(tx, complaint, resaved, now));
    await expectAgreement('Europe/Paris');
  });

  it('counts a change committed while a report was refreshing the days at the next report', async () => {
    await expectAgreement('UTC');
    let updated!: () => void;
    const wasUpdated = new Promise<void>((resolve) => (updated = resolve));
    let commit!: () => void;
    const mayCommit = new Promise<void>((resolve) => (commit = resolve));
    const writer = db.orm.em.fork().transactional(async (tx) => {
      await executeSql(
        tx,
        `update sla.clocks set status = 'cancelled' where started_at::date = '2026-03-26' and status in ('met', 'breached')`,
      );
      updated();
      await mayCommit;
    });
    await wasUpdated;
    // The report refreshes without the uncommitted change (it cannot see it) and agrees with the oracle.
    await expectAgreement('UTC');
    commit();
    await writer;
    await expectAgreement('UTC');
  });

  describe(RefreshReportDays.name, () => {
    const changes = async () =>
      Number((await executeSql<{ count: string }>(db.orm.em.fork(), `select count(*) from sla.report_changes`))[0]?.count);
    const registry = new PolicyRegistry(builtInPolicies());

    it("counts every policy's changes into its days in the background, in the policy's zone", async () => {
      await seed(5, new Date('2026-03-22T00:00:00Z'), 48);
      expect(await changes()).toBeGreaterThan(0);
      expect(await new RefreshReportDays(new SqlSlaReportDays(), registry).execute(db.orm.em.fork())).toEqual(['mimo']);
      expect(await changes()).toBe(0);
      // mimo's zone: a report in it finds nothing left to recount and agrees with the oracle.
      await expectAgreement('UTC');
    });

    it('leaves alone a policy being refreshed elsewhere, and one the catalogue does not know yet', async () => {
      await seed(2, new Date('2026-03-22T00:00:00Z'), 48);
      const unknown = new RefreshReportDays(new SqlSlaReportDays(), { get: () => undefined });
      expect(await unknown.execute(db.orm.em.fork())).toEqual([]);
      let locked!: () => void;
      const isLocked = new Promise<void>((resolve) => (locked = resolve));
      let release!: () => void;
      const released = new Promise<void>((resolve) => (release = resolve));
      const elsewhere = db.orm.em.fork().transactional(async (tx) => {
        await new SqlSlaReportDays().refresh(tx, 'mimo', 'UTC');
        locked();
        await released;
      });
      await isLocked;
      expect(await new RefreshReportDays(new SqlSlaReportDays(), registry).execute(db.orm.em.fork())).toEqual([]);
      release();
      await elsewhere;
      expect(await changes()).toBe(0);
    });
  });
});
