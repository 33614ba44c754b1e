// Breach-detection lag and memory of the sla timer scheduler with 1,000,000 open clocks, next
// to the machine's own PostgreSQL ceiling measured in the same run. Not a test: run it on a
// quiet machine against the local PostgreSQL (it creates and drops a database of its own).
//
//   npx nx run @complaints/sla:build && npx node bench/sla/open-clocks.bench.mjs
//
// Options (env): BENCH_DATABASE_URL (an admin URL; default DATABASE_URL, then
// postgres://postgres@127.0.0.1:5432/postgres), BENCH_TIMERS (pending timers, default
// 1000000), BENCH_BURST (timers due at one instant, default 10000), BENCH_RATE (steady due
// timers per second, default 200), BENCH_SECONDS (length of the steady stream, default 60),
// BENCH_BATCH / BENCH_CONCURRENCY (scheduler options; default: the service's defaults),
// BENCH_HANDLER (what a firing does, below; default emit).
//
// What runs is the real TimerScheduler from the sla build (@complaints/sla/timers), in this one node process; no OTel
// SDK is registered, so spans and metrics are no-ops. BENCH_HANDLER=emit: a handler that
// emits one outbox event per firing and reads no clock (the figures in BENCHMARKS.md up to
// 2026-11-24). BENCH_HANDLER=clocks: the service's ClockAlerts handlers and batch lock, and
// every timer due in the run belongs to a complaint with its clocks in sla.complaints and
// sla.clocks (see clock-complaints.mjs); the pending timers beyond the run have none.
import { SlaClockBreachedV1 } from '@complaints/contracts';
import { Outbox, OutboxRelay, Topology, UnitOfWork } from '@complaints/messaging';
import { executeSql, migrateServiceDatabase, openServiceDatabase } from '@complaints/persistence';
import { SLA_MIGRATIONS } from '@complaints/sla/migrations';
import { TimerHandlers, TimerScheduler, systemClock } from '@complaints/sla/timers';
import { AsyncLocalStorage } from 'node:async_hooks';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { databaseUrl, fmt, log, percentile, withClient } from '../support/bench-kit.mjs';


const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const TIMERS = Number(process.env.BENCH_TIMERS ?? 1_000_000);
const BURST = Number(process.env.BENCH_BURST ?? 10_000);
const RATE = Number(process.env.BENCH_RATE ?? 200);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 60);
const STEADY = RATE * SECONDS;
const FIRST_DUE_MS = 3000;
const BURST_AT_MS = 10_000;
const HANDLER = process.env.BENCH_HANDLER ?? 'emit';
const schedulerOptions = {
  replicaId: 'bench',
  ...(process.env.BENCH_BATCH ? { batchSize: Number(process.env.BENCH_BATCH) } : {}),
  ...(process.env.BENCH_CONCURRENCY ? { concurrency: Number(process.env.BENCH_CONCURRENCY) } : {}),
};

const mb = (bytes) => bytes / 1024 / 1024;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Peak RSS of this process, sampled every 50 ms while the scheduler runs. */
function rssSampler() {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  return { stop: () => (clearInterval(timer), (peak = Math.max(peak, process.memoryUsage().rss))), peak: () => peak };
}

/** Ceiling 1: single-row commits/s with pgbench, 8 clients, 2 threads, 10 s. */
async function pgbenchCommits(url) {
  await withClient(url, (c) => c.query('create table bench_commits (id bigserial primary key, v bigint not null)'));
  const dir = mkdtempSync(join(tmpdir(), 'sla-bench-'));
  const script = join(dir, 'commit.sql');
  writeFileSync(script, '\\set v random(1, 1000000000)\ninsert into bench_commits (v) values (:v);\n');
  try {
    const out = execFileSync('pgbench', ['-n', '-f', script, '-c', '8', '-j', '2', '-T', '10', url], { encoding: 'utf8' });
    const tps = /tps = ([\d.]+) \(without initial connection time\)/.exec(out) ?? /tps = ([\d.]+)/.exec(out);
    return Number(tps?.[1]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Ceiling 2: rows/s of `update … where id = any($1) returning id`, 1,000 rows per statement, one connection, 5 s. */
async function batchedUpdateRows(url) {
  return withClient(url, async (c) => {
    await c.query(`create table bench_rows (id uuid primary key, due_at timestamptz not null, fired_at timestamptz)`);
    await c.query(`insert into bench_rows select gen_random_uuid(), now() + (i || ' seconds')::interval from generate_series(1, 300000) i`);
    await c.query('vacuum analyze bench_rows');
    const ids = (await c.query('select id from bench_rows')).rows.map((row) => row.id);
    let rows = 0;
    let next = 0;
    const started = performance.now();
    while (performance.now() - started < 5000 && next + 1000 <= ids.length) {
      const batch = ids.slice(next, (next += 1000));
      const result = await c.query('update bench_rows set fired_at = now() where id = any($1) and fired_at is null returning id', [batch]);
      rows += result.rowCount;
    }
    return rows / ((performance.now() - started) / 1000);
  });
}

/** The 1,000,000 pending timers: all but the ones due during the run lie over the next 30 days. */
async function insertFarTimers(url, count) {
  await withClient(url, async (c) => {
    for (let from = 0; from < count; from += 100_000) {
      const to = Math.min(count, from + 100_000);
      await c.query(
        `insert into sla.timers (id, complaint_id, kind, subject_key, due_at, payload)
         select gen_random_uuid(), gen_random_uuid(), 'clock_breach', 'resolution',
                now() + interval '10 minutes' + random() * interval '30 days',
                '{"policyId":"mimo","policyVersion":1,"warnAt":null}'::jsonb
         from generate_series($1::int, $2::int)`,
        [from + 1, to],
      );
    }
    await c.query('vacuum analyze sla.timers');
  });
}

/** The instants that fall due while the scheduler runs: a steady stream and a burst at one instant. */
function dueInstants(t0) {
  return {
    sql: `select to_timestamp(($1::bigint + $2::bigint + (i * 1000::bigint) / $3::int) / 1000.0) as due_at, 'steady' as wave
          from generate_series(0, $4::int - 1) i
          union all
          select to_timestamp(($1::bigint + $5::bigint) / 1000.0), 'burst' from generate_series(1, $6::int)`,
    params: [t0, FIRST_DUE_MS, RATE, STEADY, BURST_AT_MS, BURST],
  };
}

/** The timers of a firing transaction whose handlers ran, for the lag to COMMIT. */
const committed = new AsyncLocalStorage();
const commitLagMs = { steady: [], burst: [] };
let burstLastCommit = 0;

/** Wraps a kind's batch handler to note the timers it ran for. */
const timed = (handler) => (tx, marked) => {
  committed.getStore()?.push(...marked.map(({ timer }) => timer));
  return handler(tx, marked);
};

/** The handler the clock modules register, minus reading the clock: one outbox event per firing. */
async function emitBreach(_tx, timer, firing, events) {
  await events.emit(SlaClockBreachedV1, {
    metric: 'resolution',
    policyId: String(timer.payload.policyId),
    policyVersion: Number(timer.payload.policyVersion),
    dueAt: timer.dueAt.toISOString(),
    warnAt: null,
    firedAt: firing.firedAt.toISOString(),
    lagMs: firing.lagMs,
    late: firing.late,
  });
}

/** What firings do, where the due timers come from, and which wave (`steady`, `burst`) a timer is in. */
const emitMode = {
  name: 'emit',
  label: 'handler emits one event per firing, reads no clock',
  waveSql: 'subject_key',
  waveOf: (timer) => timer.subjectKey,
  insertDue: (client, due) =>
    client.query(
      `insert into sla.timers (id, complaint_id, kind, subject_key, due_at, payload)
       select gen_random_uuid(), gen_random_uuid(), 'clock_breach', wave, due_at,
              '{"policyId":"mimo","policyVersion":1,"warnAt":null}'::jsonb
       from (${due.sql}) due`,
      due.params,
    ),
  register: (handlers, time) =>
    handlers.registerBatch(
      'clock_breach',
      time(async (tx, marked) => {
        for (const { timer, firing, events } of marked) await emitBreach(tx, timer, firing, events);
      }),
    ),
};
const mode = HANDLER === 'clocks' ? (await import('./clock-complaints.mjs')).clocksMode : emitMode;
if (mode.name !== HANDLER) throw new Error(`BENCH_HANDLER must be emit or clocks, not ${HANDLER}`);

/** The service's unit of work, noting when each firing's transaction committed. */
class TimedUnitOfWork extends UnitOfWork {
  async run(work) {
    const timers = [];
    const result = await committed.run(timers, () => super.run(work));
    const at = Date.now();
    for (const timer of timers) {
      const wave = mode.waveOf(timer);
      if (!Object.hasOwn(commitLagMs, wave)) continue;
      commitLagMs[wave].push(at - timer.dueAt.getTime());
      if (wave === 'burst') burstLastCommit = Math.max(burstLastCommit, at);
    }
    return result;
  }
}

async function lagFromTable(orm, wave) {
  const [row] = await executeSql(
    orm.em.fork(),
    `select count(*) as total, count(fired_at) as fired,
            percentile_cont(0.5) within group (order by extract(epoch from fired_at - due_at) * 1000) as p50,
            percentile_cont(0.99) within group (order by extract(epoch from fired_at - due_at) * 1000) as p99,
            max(extract(epoch from fired_at - due_at) * 1000) as max,
            extract(epoch from max(fired_at) - min(due_at)) * 1000 as span_ms
     from sla.timers where ${mode.waveSql} = ?`,
    [wave],
  );
  return Object.fromEntries(Object.entries(row).map(([key, value]) => [key, Number(value)]));
}

async function main() {
  const name = `bench_sla_${Date.now()}`;
  await withClient(ADMIN_URL, (c) => c.query(`create database ${name}`));
  const url = databaseUrl(ADMIN_URL, name);
  const orm = await openServiceDatabase({ databaseUrl: url, schema: 'sla', migrations: SLA_MIGRATIONS });
  let scheduler;
  try {
    await migrateServiceDatabase(orm, url, 'sla');
    const far = TIMERS - STEADY - BURST;
    let started = performance.now();
    log(`inserting ${fmt(far)} pending timers due over the next 30 days…`);
    await insertFarTimers(url, far);
    log(`…in ${fmt((performance.now() - started) / 1000, 1)} s`);

    const handlers = new TimerHandlers();
    mode.register(handlers, timed);
    const relay = new OutboxRelay(orm, 'sla', { publish: () => Promise.reject(new Error('not started')) }, new Topology(undefined), {
      info: () => undefined,
      warn: () => undefined,
      error: () => undefined,
    });
    const unitOfWork = new TimedUnitOfWork(orm, new Outbox('sla'), relay);
    const logger = { warn: (details, message) => log(message, details), error: (details, message) => log(message, details) };
    scheduler = new TimerScheduler({ orm, unitOfWork, handlers, clock: systemClock, logger }, schedulerOptions);

    const t0 = Date.now();
    started = performance.now();
    await withClient(url, (c) => mode.insertDue(c, dueInstants(t0)));
    log(`${fmt(STEADY + BURST)} due timers (${mode.name}) inserted in ${fmt((performance.now() - started) / 1000, 1)} s`);
    const [{ count: pending }] = await executeSql(orm.em.fork(), 'select count(*) as count from sla.timers where fired_at is null');
    log(`${fmt(Number(pending))} pending timers; ${fmt(STEADY)} due at ${RATE}/s from +${FIRST_DUE_MS / 1000} s, ${fmt(BURST)} at +${BURST_AT_MS / 1000} s`);
    global.gc?.();
    const rssBefore = process.memoryUsage().rss;
    const rss = rssSampler();
    scheduler.start();
    const lastDue = t0 + FIRST_DUE_MS + SECONDS * 1000;
    const deadline = lastDue + 30_000;
    let due = 0;
    for (;;) {
      await sleep(1000);
      const [{ count }] = await executeSql(
        orm.em.fork(),
        `select count(*) as count from sla.timers where fired_at is not null and ${mode.waveSql} in ('steady', 'burst')`,
      );
      due = Number(count);
      if ((due === STEADY + BURST && Date.now() > lastDue) || Date.now() > deadline) break;
    }
    await scheduler.stop();
    scheduler = undefined;
    const peakRss = rss.stop();

    const steady = await lagFromTable(orm, 'steady');
    const burst = await lagFromTable(orm, 'burst');
    const [{ p50, p99, max }] = await executeSql(
      orm.em.fork(),
      `select percentile_cont(0.5) within group (order by extract(epoch from fired_at - due_at) * 1000) as p50,
              percentile_cont(0.99) within group (order by extract(epoch from fired_at - due_at) * 1000) as p99,
              max(extract(epoch from fired_at - due_at) * 1000) as max
       from sla.timers where ${mode.waveSql} in ('steady', 'burst')`,
    );
    const [{ fired: firedOnce, events }] = await executeSql(
      orm.em.fork(),
      `select (select count(*) from sla.timers where fired_at is not null) as fired,
              (select count(distinct id) from sla.outbox) as events`,
    );
    const [{ left }] = await executeSql(orm.em.fork(), `select count(*) as left from sla.timers where fired_at is null`);
    const [outcomes] = await executeSql(
      orm.em.fork(),
      `with due as (select complaint_id, fired_at from sla.timers where ${mode.waveSql} in ('steady', 'burst')),
            events as (select complaint_id, count(*) as events from sla.outbox
                       where event_type = ? group by complaint_id)
       select count(*) as due, count(fired_at) as fired, count(*) filter (where events = 1) as one_breach_event
       from due left join events using (complaint_id)`,
      [SlaClockBreachedV1.type],
    );
    const checks = {
      dueTimers: Number(outcomes.due),
      fired: Number(outcomes.fired),
      withOneBreachEvent: Number(outcomes.one_breach_event),
      ...(mode.clocksBreached ? { clocksBreached: await mode.clocksBreached(orm.em.fork()) } : {}),
    };
    const checked = checks.dueTimers === STEADY + BURST && Object.values(checks).every((count) => count === checks.dueTimers);
    if (!checked) {
      log('CHECK FAILED: not every due timer fired once with one breach event (and its clock breached)', checks);
      process.exitCode = 1;
    }
    // The ceiling runs after the scheduler, so its own memory does not count in the peak RSS.
    log('ceiling: pgbench single-row commits (10 s)…');
    const commitsPerSecond = await pgbenchCommits(url);
    log('ceiling: batched update … returning, 1,000 rows per statement (5 s)…');
    const updateRowsPerSecond = await batchedUpdateRows(url);

    const commitAll = [...commitLagMs.steady, ...commitLagMs.burst].sort((a, b) => a - b);
    const commitBurst = [...commitLagMs.burst].sort((a, b) => a - b);
    const burstRate = (burst.fired / Math.max(1, burst.span_ms)) * 1000;
    const burstCommitRate = (commitBurst.length / Math.max(1, burstLastCommit - (t0 + BURST_AT_MS))) * 1000;

    const result = {
      handler: { mode: mode.name, what: mode.label },
      date: new Date().toISOString().slice(0, 10),
      node: process.version,
      cpu: `${cpus()[0]?.model.trim()} (${cpus().length} vCPU)`,
      postgres: (await executeSql(orm.em.fork(), 'show server_version'))[0].server_version,
      scheduler: { batchSize: schedulerOptions.batchSize ?? 'default', concurrency: schedulerOptions.concurrency ?? 'default' },
      pendingAtStart: Number(pending),
      dueDuringRun: { steady: STEADY, burst: BURST, fired: due, leftUnfired: Number(left) - far },
      exactlyOnce: { firedTimers: Number(firedOnce), outboxEvents: Number(events) },
      checks: { ...checks, passed: checked },
      lagMs: { all: { p50: Number(p50), p99: Number(p99), max: Number(max) }, steady, burst },
      commitLagMs: {
        all: { p50: percentile(commitAll, 50), p99: percentile(commitAll, 99), max: commitAll.at(-1) },
        burst: { p50: percentile(commitBurst, 50), p99: percentile(commitBurst, 99), max: commitBurst.at(-1) },
      },
      burstFiringsPerSecond: { byFiredAt: burstRate, byCommit: burstCommitRate },
      rssMb: { beforeStart: mb(rssBefore), peak: mb(peakRss) },
      ceiling: { pgbenchSingleRowCommitsPerSecond: commitsPerSecond, batchedUpdateRowsPerSecond: updateRowsPerSecond },
      ratios: {
        burstVsSingleRowCommits: burstCommitRate / commitsPerSecond,
        burstVsBatchedUpdate: burstCommitRate / updateRowsPerSecond,
      },
      targets: { lagP99Under1s: Number(p99) < 1000, rssUnder512Mb: mb(peakRss) < 512 },
    };
    console.log(JSON.stringify(result, null, 2));
    const checkCounts = [checks.fired, checks.withOneBreachEvent, checks.clocksBreached].map((n) => (n === undefined ? 'n/a' : fmt(n)));
    console.log(`
#### BENCH_HANDLER=${mode.name}: ${mode.label}

| what (handler: ${mode.name}) | figure | vs pgbench single-row commits/s | vs batched update rows/s |
|---|---:|---:|---:|
| breach-detection lag (fired_at − due_at), all ${fmt(STEADY + BURST)} due in the run, p50 / p99 / max | ${fmt(Number(p50))} / **${fmt(Number(p99))}** / ${fmt(Number(max))} ms | | |
| lag, steady ${RATE}/s only, p50 / p99 | ${fmt(steady.p50)} / ${fmt(steady.p99)} ms | | |
| lag, burst of ${fmt(BURST)} at one instant, p50 / p99 / max | ${fmt(burst.p50)} / ${fmt(burst.p99)} / ${fmt(burst.max)} ms | | |
| lag to COMMIT, all, p50 / p99 | ${fmt(percentile(commitAll, 50))} / ${fmt(percentile(commitAll, 99))} ms | | |
| burst firings/s (committed) | **${fmt(burstCommitRate)}** | ${fmt(result.ratios.burstVsSingleRowCommits, 2)} | ${fmt(result.ratios.burstVsBatchedUpdate, 2)} |
| peak RSS (before start) | **${fmt(mb(peakRss))} MB** (${fmt(mb(rssBefore))} MB) | | |
| ceiling: pgbench single-row commits/s (8 clients) | ${fmt(commitsPerSecond)} | 1 | |
| ceiling: \`update … returning\` rows/s, 1,000 per statement | ${fmt(updateRowsPerSecond)} | | 1 |
| checks: due timers fired / with one \`sla.clock-breached\` / clock now breached, of ${fmt(checks.dueTimers)} | ${checkCounts.join(' / ')}${checked ? '' : ' **FAILED**'} | | |
`);
  } finally {
    await scheduler?.stop();
    await orm.close();
    await withClient(ADMIN_URL, (c) => c.query(`drop database if exists ${name} with (force)`));
  }
}

await main();
