// The SLA report (GET /v1/reports/sla) over 1,000,000 clocks: the sla use case and its SQL as the
// service runs them (stored days, ADR 0057): the first report, which counts every clock into
// days, then reports timed over several runs, then reports after clocks changed, with where
// each spends its time (statement by statement), the live count's plan (EXPLAIN ANALYZE) and,
// measured in the same run, the machine's ceiling: how fast PostgreSQL scans the clocks table.
// Not a test: run it on a quiet machine against the local PostgreSQL (it creates and drops a
// database of its own).
//
//   npx nx run @complaints/sla:build && npx node bench/sla/report.bench.mjs
//
// Options (env): BENCH_DATABASE_URL (an admin URL; default DATABASE_URL, then
// postgres://postgres@127.0.0.1:5432/postgres), BENCH_CLOCKS (default 1000000), BENCH_RUNS
// (timed runs per report, default 7).
//
// The clocks are Mimo's four (acknowledgement, first_reply, resolution, survey_window) of
// BENCH_CLOCKS / 4 complaints received evenly over 2026, ended in a fixed mix: 70 % met, 10 %
// breached and kept late, 10 % breached and still waiting, 10 % running.
import { migrateServiceDatabase, openServiceDatabase } from '@complaints/persistence';
import { PolicyRegistry, builtInPolicies } from '@complaints/policy';
import { SLA_MIGRATIONS } from '@complaints/sla/migrations';
import { GetSlaReport } from '@complaints/sla/reports/get-sla-report';
import { SqlSlaReportRepository } from '@complaints/sla/reports/sql-sla-report.repository';
import { cpus } from 'node:os';
import { databaseUrl, fmt, log, percentile, withClient } from '../support/bench-kit.mjs';

const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const CLOCKS = Number(process.env.BENCH_CLOCKS ?? 1_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const COMPLAINTS = Math.ceil(CLOCKS / 4);
const mb = (bytes) => bytes / 1024 / 1024;
const principal = { name: 'bench', role: 'agent', organisationId: 'mimo' };

/** One complaint per row, then its four clocks, all in two statements from generate_series. */
async function load(client) {
  await client.query(`insert into sla.complaints (complaint_id, policy_id, policy_version, kind, channel, received_at, third_party, updated_at)
    select md5('c' || i)::uuid, 'mimo', 1, 'complaint', 'email',
      timestamptz '2026-01-01' + (i::float8 / $1) * interval '365 days', false, now()
    from generate_series(0, $1 - 1) i`, [COMPLAINTS]);
  await client.query(`insert into sla.clocks (complaint_id, policy_id, metric, position, status, started_at, due_at, warn_at,
      met_at, breached_at, explanation, steps, elapsed_business_seconds, overdue_business_seconds, updated_at)
    select c.complaint_id, 'mimo', m.metric, m.position,
      case when o < 7 then 'met' when o < 9 then 'breached' else 'running' end,
      c.received_at, c.received_at + m.target, c.received_at + m.target * 0.75,
      case when o < 7 then c.received_at + m.target * (0.1 + (h % 60) / 100.0) when o = 7 then c.received_at + m.target * 1.2 end,
      case when o in (7, 8) then c.received_at + m.target end,
      'seeded', '[]'::jsonb,
      case when o < 7 then (extract(epoch from m.target) * (0.1 + (h % 60) / 100.0))::bigint
           when o = 7 then (extract(epoch from m.target) * 1.2)::bigint end,
      case when o = 7 then (extract(epoch from m.target) * 0.2)::bigint end,
      now()
    from (select complaint_id, received_at, abs(hashtext(complaint_id::text)) as h from sla.complaints) c
    cross join (values ('acknowledgement', 0, interval '2 hours'), ('first_reply', 1, interval '8 hours'),
                       ('resolution', 2, interval '40 hours'), ('survey_window', 3, interval '7 days')) m(metric, position, target)
    cross join lateral (select (c.h / 7 + m.position) % 10 as o) outcome`);
  await client.query('vacuum (analyze) sla.complaints, sla.clocks');
}

/** What a report's statements are, for the time spent in each. */
const STEPS = [
  ['count changed days', /insert into sla\.report_days/],
  ['take changes', /delete from sla\.report_changes/],
  ['read stored days', /from sla\.report_days, covered/],
  ['count live clocks', /union all/],
];

/**
 * The report's own SQL, as the use case sends it: the live count kept to EXPLAIN ANALYZE it
 * with the same parameters, and the milliseconds each kind of statement took.
 */
function capturing(em) {
  const captured = { live: undefined, ms: {} };
  const wrap = (inner) => {
    const wrapper = {
      fork: () => wrap(inner.fork()),
      transactional: (work) => inner.transactional((tx) => work(wrap(tx))),
      getTransactionContext: () => inner.getTransactionContext(),
      getConnection: () => ({
        execute: async (sql, params, method, ctx) => {
          const step = STEPS.find(([, pattern]) => pattern.test(sql))?.[0] ?? 'other statements';
          if (step === 'count live clocks') captured.live = { sql, params };
          const started = process.hrtime.bigint();
          try {
            return await inner.getConnection().execute(sql, params, method, ctx);
          } finally {
            captured.ms[step] = (captured.ms[step] ?? 0) + Number(process.hrtime.bigint() - started) / 1e6;
          }
        },
      }),
    };
    return wrapper;
  };
  return { em: wrap(em), captured };
}

/** Where one report spent its time: each kind of statement, and node (decoding and merging). */
async function breakdown(captured, work) {
  captured.ms = {};
  const started = process.hrtime.bigint();
  const result = await work();
  const total = Number(process.hrtime.bigint() - started) / 1e6;
  const inSql = Object.values(captured.ms).reduce((sum, ms) => sum + ms, 0);
  const steps = Object.entries(captured.ms).map(([step, ms]) => `${step} ${fmt(ms, 0)}`);
  return { result, total, text: `${[...steps, `node ${fmt(total - inSql, 0)}`].join(', ')} ms` };
}

async function timeReport(report, request) {
  const times = [];
  let peakRss = process.memoryUsage().rss;
  let result;
  for (let run = 0; run < RUNS; run += 1) {
    const started = process.hrtime.bigint();
    result = await report.execute(request);
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p99: percentile(times, 99), peakRss, result };
}

async function main() {
  const name = `bench_sla_report_${process.pid}`;
  const url = databaseUrl(ADMIN_URL, name);
  await withClient(ADMIN_URL, (c) => c.query(`create database ${name}`));
  const orm = await openServiceDatabase({ databaseUrl: url, schema: 'sla', migrations: SLA_MIGRATIONS });
  try {
    await migrateServiceDatabase(orm, url, 'sla');
    log(`loading ${fmt(CLOCKS)} clocks of ${fmt(COMPLAINTS)} complaints`);
    const loadStarted = Date.now();
    await withClient(url, load);
    const loadSeconds = (Date.now() - loadStarted) / 1000;
    log(`loaded in ${fmt(loadSeconds, 1)} s`);

    // Ceiling: every row of sla.clocks read by one sequential scan.
    const scan = await withClient(url, async (c) => {
      await c.query('select count(*) from sla.clocks'); // warm the cache as the reports below will be
      const started = process.hrtime.bigint();
      const { rows } = await c.query('select count(*)::int as n from sla.clocks');
      return { rows: rows[0].n, ms: Number(process.hrtime.bigint() - started) / 1e6 };
    });

    const { em, captured } = capturing(orm.em.fork());
    const report = new GetSlaReport(em, new SqlSlaReportRepository(), new PolicyRegistry(builtInPolicies()), {
      now: () => new Date('2027-01-01T00:00:00Z'),
    });
    const full = { from: '2026-01-01T00:00:00Z', to: '2027-01-01T00:00:00Z', groupBy: 'day' };
    const first = await breakdown(captured, () => report.execute({ principal, policyId: 'mimo', ...full }));
    await withClient(url, (c) => c.query('analyze sla.report_days, sla.report_rollups, sla.report_changes'));
    const cases = [
      { label: '90 days by week, all metrics', request: { from: '2026-04-01T00:00:00Z', to: '2026-06-30T00:00:00Z', groupBy: 'week' } },
      { label: '366 days by day, all metrics', request: { from: '2026-01-01T00:00:00Z', to: '2027-01-01T00:00:00Z', groupBy: 'day' } },
      { label: '366 days by month, one metric', request: { from: '2026-01-01T00:00:00Z', to: '2027-01-01T00:00:00Z', groupBy: 'month', metric: 'resolution' } },
    ];
    console.log(`SLA report over ${fmt(CLOCKS)} clocks (${cpus().length} CPUs, ${RUNS} runs each; load ${fmt(loadSeconds, 1)} s)`);
    console.log(`ceiling: sequential scan of sla.clocks, ${fmt(scan.rows)} rows in ${fmt(scan.ms, 1)} ms = ${fmt(scan.rows / (scan.ms / 1000) / 1e6, 1)} M rows/s`);
    console.log(`first report (366 days by day), counting every clock into days: ${fmt(first.total, 0)} ms (${first.text})`);
    console.log('| report | clocks counted | p50 ms | p99 ms | peak RSS MB |');
    console.log('|---|---:|---:|---:|---:|');
    const plans = [];
    for (const { label, request } of cases) {
      const timed = await timeReport(report, { principal, policyId: 'mimo', ...request });
      const counted = timed.result.metrics.reduce((sum, metric) => sum + metric.total.started, 0);
      console.log(`| ${label} | ${fmt(counted)} | ${fmt(timed.p50, 1)} | ${fmt(timed.p99, 1)} | ${fmt(mb(timed.peakRss))} |`);
      const plan = await orm.em.fork().transactional(async (tx) => {
        await tx.getConnection().execute(`select set_config('work_mem', ?, true)`, ['128MB'], 'all', tx.getTransactionContext());
        return tx.getConnection().execute(`explain (analyze, buffers) ${captured.live.sql}`, captured.live.params, 'all', tx.getTransactionContext());
      });
      plans.push({ label, lines: plan.map((row) => row['QUERY PLAN']) });
    }
    const once = await breakdown(captured, () => report.execute({ principal, policyId: 'mimo', ...full }));
    console.log(`\none report, 366 days by day, nothing changed: ${once.text}`);
    // Clocks change as complaints are worked: running ones of the last days met, or (worse for
    // the days to recount) clocks spread over the whole year.
    for (const { label, where } of [
      { label: '1,000 running clocks of the last 3 days met', where: `status = 'running' and started_at >= timestamptz '2026-12-29'` },
      { label: '1,000 clocks spread over the year met', where: `status = 'running'` },
    ]) {
      await withClient(url, (c) =>
        c.query(`update sla.clocks set status = 'met', met_at = started_at + interval '1 hour', elapsed_business_seconds = 3600
          where (complaint_id, metric) in (select complaint_id, metric from sla.clocks where ${where} order by random() limit 1000)`),
      );
      const after = await breakdown(captured, () => report.execute({ principal, policyId: 'mimo', ...full }));
      console.log(`after ${label}: ${fmt(after.total, 0)} ms (${after.text})`);
    }
    for (const { label, lines } of plans) {
      console.log(`\nEXPLAIN ANALYZE of the live count, ${label}:`);
      for (const line of lines.filter((line) => /Scan|Sort|Aggregate|Execution Time|Buffers: shared/.test(line)).slice(0, 12)) console.log(`  ${line.trim()}`);
    }
  } finally {
    await orm.close(true);
    await withClient(ADMIN_URL, (c) => c.query(`drop database if exists ${name} with (force)`));
  }
}

await main();
