// What-if over 100,000 complaints: sla's real RunWhatIf (the sla build) replaying a 90-day
// window of Mimo complaints under a draft, following nextCursor as the CLI does, with its
// time, peak memory and where the time goes, next to this machine's ceilings measured in the
// same run. Not a test: run it on a quiet machine against the local PostgreSQL (it creates
// and drops a database of its own).
//
//   npx nx run @complaints/sla:build && npx node bench/sla/what-if.bench.mjs
//
// Options (env): BENCH_DATABASE_URL (an admin URL; default DATABASE_URL, then
// postgres://postgres@127.0.0.1:5432/postgres), BENCH_COMPLAINTS (default 100000).
import { executeSql, migrateServiceDatabase, openServiceDatabase } from '@complaints/persistence';
import { builtInPolicy, planClocksForFacts } from '@complaints/policy';
import { reconcileClocks } from '@complaints/sla/clocks/reconcile-clocks';
import { SLA_MIGRATIONS } from '@complaints/sla/migrations';
import { RunWhatIf } from '@complaints/sla/what-if/run-what-if';
import { SqlComplaintsToReplay } from '@complaints/sla/what-if/sql-complaints-to-replay';
import { randomUUID } from 'node:crypto';
import { cpus } from 'node:os';
import { databaseUrl, fmt, log, withClient } from '../support/bench-kit.mjs';

const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const COMPLAINTS = Number(process.env.BENCH_COMPLAINTS ?? 100_000);
const FROM = Date.parse('2026-08-01T00:00:00Z');
const DAY_MS = 24 * 3600_000;
const TO = FROM + 90 * DAY_MS;
const NOW = new Date(TO + 30 * DAY_MS);
const ADMIN = { name: 'bench-admin', role: 'admin', organisationId: 'mimo' };
const mb = (bytes) => bytes / 1024 / 1024;

const mimo = builtInPolicy('mimo');
const halved = {
  ...mimo,
  version: 2,
  clocks: mimo.clocks.map((clock) => (clock.id === 'acknowledgement' ? { ...clock, target: { ...clock.target, amount: 1 } } : clock)),
};

/** A deterministic generator, so two runs load the same complaints. */
function random(seed) {
  let state = seed;
  return () => ((state = (state * 1103515245 + 12345) % 2147483648) / 2147483648);
}

/**
 * One Mimo complaint as sla records it: received at a random instant of the window by email or
 * chat, acknowledged within 0–6 h (9 in 10), answered within 2 days (7 in 10), resolved
 * within 6 days (half); its clocks as sla's own reconciliation stores them, breached by
 * their timers where they ran past their deadline.
 */
function complaintAt(next) {
  const receivedAt = FROM + Math.floor(next() * (TO - FROM));
  const events = [];
  if (next() < 0.9) events.push({ event: 'acknowledged', at: receivedAt + Math.floor(next() * 6 * 3600_000) });
  if (next() < 0.7) events.push({ event: 'responded', at: receivedAt + Math.floor(next() * 2 * DAY_MS) });
  if (next() < 0.5) events.push({ event: 'resolved', at: receivedAt + Math.floor((2 + next() * 4) * DAY_MS) });
  const complaint = {
    complaintId: randomUUID(),
    policyId: 'mimo',
    policyVersion: 1,
    kind: 'complaint',
    channel: next() < 0.7 ? 'email' : 'chat',
    receivedAt,
    thirdParty: false,
    pauses: [],
    // As they came: in the order of their instants.
    clockEvents: events.sort((a, b) => a.at - b.at),
  };
  const plan = planClocksForFacts(mimo, { ...complaint, events });
  // Months later every deadline has passed: the breach timers have fired on the clocks still running.
  const clocks = reconcileClocks(plan, complaint, []).map((clock) =>
    clock.status === 'running' && clock.dueAt <= NOW ? { ...clock, status: 'breached', breachedAt: clock.dueAt } : clock,
  );
  return { complaint, clocks };
}

const iso = (ms) => new Date(ms).toISOString();

/** 5,000 complaints a statement, their clocks in a second one (unnest of parallel arrays). */
async function load(client) {
  const next = random(16);
  for (let from = 0; from < COMPLAINTS; from += 5000) {
    const batch = Array.from({ length: Math.min(5000, COMPLAINTS - from) }, () => complaintAt(next));
    await client.query(
      `insert into sla.complaints (complaint_id, policy_id, policy_version, kind, channel, received_at, third_party, stops, updated_at)
       select id, 'mimo', 1, 'complaint', channel, received_at, false, stops::jsonb, now()
       from unnest($1::uuid[], $2::text[], $3::timestamptz[], $4::text[]) as c (id, channel, received_at, stops)`,
      [
        batch.map(({ complaint }) => complaint.complaintId),
        batch.map(({ complaint }) => complaint.channel),
        batch.map(({ complaint }) => iso(complaint.receivedAt)),
        batch.map(({ complaint }) => JSON.stringify(complaint.clockEvents.map((seen) => ({ event: seen.event, at: iso(seen.at) })))),
      ],
    );
    const clocks = batch.flatMap(({ complaint, clocks: list }) => list.map((clock, position) => ({ id: complaint.complaintId, position, clock })));
    const column = (pick) => clocks.map(({ clock, ...rest }) => pick(clock, rest));
    const at = (date) => (date === null ? null : date.toISOString());
    await client.query(
      `insert into sla.clocks (complaint_id, policy_id, metric, position, status, started_at, due_at, warn_at, met_at, breached_at, explanation, steps, updated_at)
       select id, 'mimo', metric, position, status, started_at, due_at, warn_at, met_at, breached_at, explanation, steps::jsonb, now()
       from unnest($1::uuid[], $2::text[], $3::int[], $4::text[], $5::timestamptz[], $6::timestamptz[], $7::timestamptz[],
                   $8::timestamptz[], $9::timestamptz[], $10::text[], $11::text[])
         as c (id, metric, position, status, started_at, due_at, warn_at, met_at, breached_at, explanation, steps)`,
      [
        column((_, { id }) => id),
        column((clock) => clock.metric),
        column((_, { position }) => position),
        column((clock) => clock.status),
        column((clock) => at(clock.startedAt)),
        column((clock) => at(clock.dueAt)),
        column((clock) => at(clock.warnAt)),
        column((clock) => at(clock.metAt)),
        column((clock) => at(clock.breachedAt)),
        column((clock) => clock.explanation),
        column((clock) => JSON.stringify(clock.steps)),
      ],
    );
  }
  await client.query('analyze sla.complaints');
  await client.query('analyze sla.clocks');
}

/** The repository, timing every batch it reads: the I/O share of a replay. */
class TimedBatches extends SqlComplaintsToReplay {
  ms = 0;
  batches = 0;
  async batch(em, batch) {
    const started = performance.now();
    try {
      return await super.batch(em, batch);
    } finally {
      this.ms += performance.now() - started;
      this.batches += 1;
    }
  }
}

/** Peak RSS and heap, sampled every 20 ms. */
function memorySampler() {
  const peak = { rss: 0, heap: 0 };
  const sample = () => {
    const usage = process.memoryUsage();
    peak.rss = Math.max(peak.rss, usage.rss);
    peak.heap = Math.max(peak.heap, usage.heapUsed);
  };
  sample();
  const timer = setInterval(sample, 20);
  return () => (clearInterval(timer), sample(), peak);
}

/** The whole replay, page after page as the CLI follows nextCursor. */
async function replay(orm, policy, label) {
  global.gc?.();
  const before = process.memoryUsage();
  const repository = new TimedBatches();
  const run = new RunWhatIf(orm.em, repository, { get: (id, version) => (version === undefined || version === 1 ? mimo : undefined) }, { now: () => NOW });
  const stop = memorySampler();
  const started = performance.now();
  const totals = { pages: 0, complaints: 0, flips: 0 };
  let cursor;
  do {
    const page = await run.execute({
      principal: ADMIN,
      subject: { policy },
      from: iso(FROM),
      to: iso(TO),
      limit: 100_000,
      ...(cursor ? { cursor } : {}),
    });
    totals.pages += 1;
    totals.complaints += page.complaints;
    totals.flips += page.flips.length;
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  const ms = performance.now() - started;
  const peak = stop();
  log(`${label}: ${fmt(totals.complaints)} complaints in ${fmt(ms)} ms, ${totals.pages} pages, ${fmt(totals.flips)} flips`);
  return { label, ...totals, ms, ioMs: repository.ms, batches: repository.batches, peakRssMb: mb(peak.rss), rssBeforeMb: mb(before.rss), peakHeapMb: mb(peak.heap) };
}

/** Ceiling 1: the replay's own query, every batch read and mapped, nothing planned. */
async function readOnly(orm) {
  const repository = new SqlComplaintsToReplay();
  const started = performance.now();
  let after;
  let read = 0;
  for (;;) {
    const batch = await repository.batch(orm.em.fork(), { policyId: 'mimo', from: new Date(FROM), to: new Date(TO), after, limit: 1001 });
    read += Math.min(batch.length, 1000);
    if (batch.length <= 1000) break;
    const last = batch[999].complaint;
    after = { receivedAt: last.receivedAt, complaintId: last.complaintId };
  }
  return { complaintsPerSecond: read / ((performance.now() - started) / 1000) };
}

/** Ceiling 2: planning alone, one Mimo plan per complaint of a sample, in this process. */
function planOnly() {
  const next = random(7);
  const sample = Array.from({ length: 20_000 }, () => complaintAt(next).complaint);
  const started = performance.now();
  for (const complaint of sample) planClocksForFacts(halved, { ...complaint, events: complaint.clockEvents });
  return { plansPerSecond: sample.length / ((performance.now() - started) / 1000) };
}

const name = `bench_what_if_${process.pid}`;
await withClient(ADMIN_URL, (c) => c.query(`create database ${name}`));
const url = databaseUrl(ADMIN_URL, name);
const orm = await openServiceDatabase({ databaseUrl: url, schema: 'sla', migrations: SLA_MIGRATIONS });
try {
  await migrateServiceDatabase(orm, url, 'sla');
  const loadStarted = performance.now();
  await withClient(url, load);
  log(`loaded ${fmt(COMPLAINTS)} complaints and their clocks in ${fmt(performance.now() - loadStarted)} ms`);
  const [{ version }] = await executeSql(orm.em.fork(), 'select version()');
  const identical = await replay(orm, mimo, 'identical draft');
  const tightened = await replay(orm, halved, 'acknowledgement halved');
  if (identical.flips !== 0) throw new Error(`the published version replayed flips ${identical.flips} clocks, not none`);
  const read = await readOnly(orm);
  const plan = planOnly();
  const result = {
    machine: `${cpus()[0]?.model.trim()} (${cpus().length} vCPU), node ${process.version}, ${String(version).split(' on ')[0]}`,
    complaints: COMPLAINTS,
    replays: [identical, tightened],
    ceilings: { readComplaintsPerSecond: read.complaintsPerSecond, plansPerSecond: plan.plansPerSecond },
  };
  console.log(JSON.stringify(result, null, 2));
  for (const run of result.replays) {
    console.log(
      `| ${run.label} | ${fmt(run.ms / 1000, 1)} s | ${fmt(run.complaints / (run.ms / 1000))}/s | ${run.pages} | ${fmt(run.flips)} | ` +
        `${fmt(run.ioMs / 1000, 1)} s (${fmt((100 * run.ioMs) / run.ms)} %) | ${fmt(run.peakRssMb)} MB (${fmt(run.rssBeforeMb)} MB) | ${fmt(run.peakHeapMb)} MB |`,
    );
  }
  console.log(`ceilings: read ${fmt(read.complaintsPerSecond)} complaints/s, plan ${fmt(plan.plansPerSecond)} plans/s`);
} finally {
  await orm.close(true);
  await withClient(ADMIN_URL, (c) => c.query(`drop database if exists ${name} with (force)`));
}
