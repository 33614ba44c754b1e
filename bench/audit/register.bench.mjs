// The audit register with 1,000,000 entries already in it: append rate, next to the
// machine's PostgreSQL single-row commit rate measured in the same run; inclusion-proof
// latency at that size; offline verification rate of an export. Not a test: run it on a
// quiet machine against the local PostgreSQL (it creates and drops a database of its own).
//
//   npx nx run @complaints/audit:build && npx node bench/audit/register.bench.mjs
//
// Options (env): BENCH_DATABASE_URL (an admin URL; default DATABASE_URL, then
// postgres://postgres@127.0.0.1:5432/postgres), BENCH_ENTRIES (entries loaded before timing,
// default 1000000), BENCH_APPENDS (appends timed per concurrency, default 3000),
// BENCH_CONCURRENCY (appending transactions at once in the second round, default 8, as
// `audit` runs one consumer per stream), BENCH_BATCH (events per transaction in the batched
// rounds, default 200, as the register's consumers take them), BENCH_PROOFS (inclusion proofs, default 2000),
// BENCH_VERIFY (entries in the exports verified offline, default 100000).
//
// What runs is the register's own code from the audit build (@complaints/audit/register/…):
// entries are made by `nextEntry`, the tree by `appendLeaves`; the timed appends are
// `AppendEvents` over `SqlRegisterWriter` and `SqlTreeNodesRepository`, one event per
// transaction, then BENCH_BATCH per transaction, exactly what a consumer runs under the head
// lock (without the inbox rows, retention tracking and NATS acknowledgements around it); the proofs are
// `ProveInclusion`; the offline check is `verifyExport`, what `npm run audit:verify` runs.
import { AUDIT_MIGRATIONS } from '@complaints/audit/migrations';
import { AppendEvents } from '@complaints/audit/register/append-events';
import { verifyExport } from '@complaints/audit/register/export-check';
import { LatestCheckpoint } from '@complaints/audit/register/latest-checkpoint';
import { ProofTreeSize } from '@complaints/audit/register/proof-tree-size';
import { ProveInclusion } from '@complaints/audit/register/prove-inclusion';
import { GENESIS_HASH, nextEntry } from '@complaints/audit/register/register-entry';
import { SqlCheckpointsRepository } from '@complaints/audit/register/sql-checkpoints.repository';
import { SqlRegisterReader } from '@complaints/audit/register/sql-register-reader.repository';
import { SqlRegisterWriter } from '@complaints/audit/register/sql-register-writer.repository';
import { SqlTreeNodesRepository } from '@complaints/audit/register/sql-tree-nodes.repository';
import { ComplaintReceivedV1 } from '@complaints/contracts';
import { createEvent } from '@complaints/messaging';
import { migrateServiceDatabase, openServiceDatabase } from '@complaints/persistence';
import {
  InMemoryTreeNodes,
  appendLeaves,
  ed25519KeyPairFromSeed,
  formatVerifierKey,
  inclusionProof,
  leafHash,
  rawEd25519PublicKey,
  signCheckpoint,
  treeRoot,
  verifyInclusion,
} from '@complaints/transparency-log';
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { databaseUrl, fmt, log, percentile, withClient } from '../support/bench-kit.mjs';


const ADMIN_URL =
  process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const ENTRIES = Number(process.env.BENCH_ENTRIES ?? 1_000_000);
const APPENDS = Number(process.env.BENCH_APPENDS ?? 3000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);
const BATCH = Number(process.env.BENCH_BATCH ?? 200);
// Batches go fast: ten times as many events, so a round lasts long enough to measure.
const BATCHED_APPENDS = 10 * APPENDS;
const PROOFS = Number(process.env.BENCH_PROOFS ?? 2000);
const VERIFY = Math.min(Number(process.env.BENCH_VERIFY ?? 100_000), ENTRIES);
const LOAD_BATCH = 20_000;
const ORIGIN = 'bench.example/register';

const seconds = (since) => (performance.now() - since) / 1000;

/** Single-row commits/s with pgbench (-n: no vacuum), `clients` connections, for `duration` s. */
async function pgbenchCommits(url, clients, duration) {
  await withClient(url, (c) =>
    c.query('create table if not exists bench_commits (id bigserial primary key, v bigint not null)'),
  );
  const dir = mkdtempSync(join(tmpdir(), 'audit-bench-'));
  const script = join(dir, 'commit.sql');
  writeFileSync(script, '\\set v random(1, 1000000000)\ninsert into bench_commits (v) values (:v);\n');
  try {
    const threads = String(Math.min(clients, 2));
    const out = execFileSync(
      'pgbench',
      ['-n', '-f', script, '-c', String(clients), '-j', threads, '-T', String(duration), url],
      { encoding: 'utf8' },
    );
    const tps = /tps = ([\d.]+) \(without initial connection time\)/.exec(out) ?? /tps = ([\d.]+)/.exec(out);
    return Number(tps?.[1]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A complaint's receipt as intake publishes it; the bulk load copies it with fresh ids. */
const template = createEvent(ComplaintReceivedV1, {
  complaintId: randomUUID(),
  actor: { kind: 'client', id: 'bench-agent' },
  data: {
    policyId: 'mimo',
    policyVersion: 1,
    reference: 'MIMO-2026-000000',
    kind: 'complaint',
    channel: 'email',
    status: 'received',
    receivedAt: '2026-03-02T10:00:00+01:00',
    firstContactAt: null,
    thirdParty: false,
    sellerId: null,
  },
});
const eventNo = (n) => ({
  ...template,
  id: randomUUID(),
  complaintId: randomUUID(),
  data: { ...template.data, reference: `MIMO-2026-${String(n).padStart(7, '0')}` },
});

/** The maximal complete subtrees of a tree of `size` leaves: all an append reads. */
function frontierOf(size) {
  const subtrees = [];
  for (let level = 52, start = 0; level >= 0; level -= 1) {
    const width = 2 ** level;
    if (start + width <= size) {
      subtrees.push({ level, index: start / width });
      start += width;
    }
  }
  return subtrees;
}

/** One batch of the bulk load in one transaction: entries, payloads, tree nodes and the head. */
async function insertBatch(c, entries, payloads, created, head) {
  const column = (field) => entries.map((entry) => entry[field]);
  await c.query('begin');
  await c.query(
    `insert into audit.entries (seq, event_id, type, version, occurred_at, recorded_at, complaint_id, reference,
         policy_id, actor, payload_digest, prev_hash, hash)
       select * from unnest($1::bigint[], $2::uuid[], $3::text[], $4::int[], $5::timestamptz[], $6::timestamptz[], $7::uuid[],
         $8::text[], $9::text[], $10::jsonb[], $11::text[], $12::text[], $13::text[])`,
    [
      column('seq'),
      column('eventId'),
      column('type'),
      column('version'),
      column('occurredAt'),
      column('recordedAt'),
      column('complaintId'),
      column('reference'),
      column('policyId'),
      entries.map((entry) => JSON.stringify(entry.actor)),
      column('payloadDigest'),
      column('prevHash'),
      column('hash'),
    ],
  );
  await c.query(
    `insert into audit.entry_payloads (seq, data) select * from unnest($1::bigint[], $2::jsonb[])`,
    [column('seq'), payloads],
  );
  await c.query(
    `insert into audit.tree_nodes (level, index, hash) select l, i, decode(h, 'hex') from unnest($1::smallint[], $2::bigint[], $3::text[]) as n(l, i, h)`,
    [
      created.map((node) => node.level),
      created.map((node) => node.index),
      created.map((node) => Buffer.from(node.hash).toString('hex')),
    ],
  );
  await c.query(`update audit.register_head set size = $1, last_hash = $2 where singleton`, [
    head.size,
    head.lastHash,
  ]);
  await c.query('commit');
}

/**
 * `count` entries and their tree nodes, computed here with the register's own functions and
 * inserted a batch at a time (one `insert … select from unnest` per table and batch).
 */
async function bulkLoad(url, count) {
  return withClient(url, async (c) => {
    // Built once at the end rather than row by row: the secondary indexes and the payloads'
    // foreign key, exactly as the migrations defined them.
    const { rows: indexes } = await c.query(
      `select indexname, indexdef from pg_indexes i
       where schemaname = 'audit' and tablename = 'entries'
         and not exists (select 1 from pg_constraint k where k.conname = i.indexname)`,
    );
    const { rows: foreignKeys } = await c.query(
      `select conname, pg_get_constraintdef(oid) as def from pg_constraint where conrelid = 'audit.entry_payloads'::regclass and contype = 'f'`,
    );
    for (const { indexname } of indexes) await c.query(`drop index audit.${indexname}`);
    for (const { conname } of foreignKeys)
      await c.query(`alter table audit.entry_payloads drop constraint ${conname}`);
    // Loading only: the timed appends commit as the service does.
    await c.query('set synchronous_commit = off');
    let written = Promise.resolve();
    let head = { size: 0, lastHash: GENESIS_HASH };
    let frontier = new Map();
    const recordedAt = new Date('2026-03-02T09:00:01.000Z');
    for (let from = 0; from < count; from += LOAD_BATCH) {
      const entries = [];
      const payloads = [];
      for (let seq = from; seq < Math.min(count, from + LOAD_BATCH); seq += 1) {
        const event = eventNo(seq);
        const entry = nextEntry(head, event, recordedAt, null);
        entries.push(entry);
        payloads.push(JSON.stringify(event.data));
        head = { size: seq + 1, lastHash: entry.hash };
      }
      const nodes = new InMemoryTreeNodes();
      nodes.put([...frontier.values()]);
      const created = await appendLeaves(
        nodes,
        from,
        entries.map((entry) => leafHash(Buffer.from(entry.hash, 'hex'))),
      );
      const known = new Map([...frontier, ...created.map((node) => [`${node.level}:${node.index}`, node])]);
      frontier = new Map(
        frontierOf(head.size).map(({ level, index }) => [
          `${level}:${index}`,
          known.get(`${level}:${index}`),
        ]),
      );

      // The next batch is computed while this one is written.
      await written;
      written = insertBatch(c, entries, payloads, created, head);
      if ((from / LOAD_BATCH) % 10 === 9) log(`…${fmt(head.size)} entries`);
    }
    await written;
    for (const { indexdef } of indexes) await c.query(indexdef);
    for (const { conname, def } of foreignKeys)
      await c.query(`alter table audit.entry_payloads add constraint ${conname} ${def}`);
    // Autovacuum is off on this machine: statistics and the visibility map come from here.
    await c.query(
      'vacuum analyze audit.entries, audit.entry_payloads, audit.tree_nodes, audit.register_head',
    );
    return head;
  });
}

/** Wraps each method of a repository so its time adds up under its name. */
function timed(repository, names, totals) {
  const wrapper = Object.create(repository);
  for (const name of names) {
    wrapper[name] = async (...args) => {
      const started = performance.now();
      try {
        return await repository[name](...args);
      } finally {
        totals[name] = (totals[name] ?? 0) + performance.now() - started;
      }
    };
  }
  return wrapper;
}

let appendedSoFar = 0;

/**
 * `count` appends, `batch` events per transaction, `concurrency` transactions at a time; with a
 * breakdown of where the time went, per event.
 */
async function appendRound(orm, count, concurrency, batch = 1) {
  const totals = {};
  const writer = timed(new SqlRegisterWriter(), ['lockHead', 'recordedEvents', 'referencesOf', 'append'], totals);
  const tree = timed(new SqlTreeNodesRepository(), ['insert'], totals);
  const appendEvents = new AppendEvents(writer, tree);
  let next = 0;
  let appended = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < count) {
      const events = [];
      for (; events.length < batch && next < count; next += 1) events.push(eventNo(ENTRIES + appendedSoFar + next));
      const transaction = performance.now();
      let executed = 0;
      const result = await orm.em.fork().transactional(async (tx) => {
        const execute = performance.now();
        const outcome = await appendEvents.execute(tx, events, new Date());
        executed = performance.now() - execute;
        return outcome;
      });
      totals.execute = (totals.execute ?? 0) + executed;
      totals.transaction = (totals.transaction ?? 0) + performance.now() - transaction;
      appended += result.appended.length;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  appendedSoFar += count;
  const elapsed = seconds(started);
  const perAppend = (name) => (totals[name] ?? 0) / count;
  // What `execute` spent outside the timed repository calls: appendLeaves' one read of the
  // frontier (a round trip) and the hashing.
  const treeRead =
    perAppend('execute') -
    ['lockHead', 'recordedEvents', 'referencesOf', 'append', 'insert'].reduce(
      (sum, name) => sum + perAppend(name),
      0,
    );
  return {
    concurrency,
    batch,
    appended,
    perSecond: appended / elapsed,
    msPerAppend: {
      lockHead: perAppend('lockHead'),
      recordedEvents: perAppend('recordedEvents'),
      treeReadAndHash: treeRead,
      appendEntryPayloadHead: perAppend('append'),
      insertTreeNodes: perAppend('insert'),
      beginAndCommit: perAppend('transaction') - perAppend('execute'),
      transaction: perAppend('transaction'),
    },
  };
}

/** `count` inclusion proofs of random entries in the tree of `size` entries, one at a time. */
async function proofLatencies(orm, size, count) {
  const latest = new LatestCheckpoint(orm.em, new SqlCheckpointsRepository());
  const prove = new ProveInclusion(
    orm.em,
    new SqlTreeNodesRepository(),
    new ProofTreeSize(new SqlRegisterReader(), latest),
  );
  const latencies = [];
  for (let i = 0; i < count; i += 1) {
    const index = Math.floor(Math.random() * size);
    const started = performance.now();
    const proof = await prove.execute({ index, treeSize: size });
    latencies.push(performance.now() - started);
    const bytes = (hex) => Uint8Array.from(Buffer.from(hex, 'hex'));
    const claim = {
      leafHash: bytes(proof.leafHash),
      index,
      treeSize: size,
      proof: proof.proof.map(bytes),
      rootHash: bytes(proof.rootHash),
    };
    if (!verifyInclusion(claim)) throw new Error(`the inclusion proof of entry ${index} does not verify`);
  }
  return latencies.sort((a, b) => a - b);
}

/** Entries [from, to) as an export lists them, read through the register's own reader. */
async function exportedEntries(orm, from, to) {
  const reader = new SqlRegisterReader();
  const records = [];
  for (let seq = from; seq < to;) {
    const page = await reader.page(orm.em.fork(), {}, seq, Math.min(10_000, to - seq));
    for (const { entry, payload } of page) records.push({ record: 'entry', ...entry, payload });
    seq += page.length;
  }
  return records;
}

async function timedVerification(records, verifierKey) {
  const started = performance.now();
  const result = await verifyExport(records, verifierKey);
  const elapsed = seconds(started);
  if (!result.ok) throw new Error(`the export does not verify: ${JSON.stringify(result)}`);
  return { entries: result.checked, seconds: elapsed, perSecond: result.checked / elapsed };
}

async function main() {
  const name = `bench_audit_${Date.now()}`;
  await withClient(ADMIN_URL, (c) => c.query(`create database ${name}`));
  const url = databaseUrl(ADMIN_URL, name);
  const orm = await openServiceDatabase({ databaseUrl: url, schema: 'audit', migrations: AUDIT_MIGRATIONS });
  try {
    await migrateServiceDatabase(orm, url, 'audit');
    let started = performance.now();
    log(`loading ${fmt(ENTRIES)} entries and their tree nodes…`);
    await bulkLoad(url, ENTRIES);
    const loadSeconds = seconds(started);
    log(`…in ${fmt(loadSeconds, 1)} s`);

    log(`${fmt(APPENDS)} appends, one at a time…`);
    const sequential = await appendRound(orm, APPENDS, 1);
    log(`${fmt(APPENDS)} appends, ${CONCURRENCY} at a time…`);
    const concurrent = await appendRound(orm, APPENDS, CONCURRENCY);
    log(`${fmt(BATCHED_APPENDS)} appends, ${BATCH} per transaction, one transaction at a time…`);
    const batched = await appendRound(orm, BATCHED_APPENDS, 1, BATCH);
    log(`${fmt(BATCHED_APPENDS)} appends, ${BATCH} per transaction, ${CONCURRENCY} transactions at a time…`);
    const batchedConcurrent = await appendRound(orm, BATCHED_APPENDS, CONCURRENCY, BATCH);
    const size = ENTRIES + appendedSoFar;

    log(`${fmt(PROOFS)} inclusion proofs at size ${fmt(size)}…`);
    const latencies = await proofLatencies(orm, size, PROOFS);

    log(
      `offline verification: the first ${fmt(VERIFY)} entries, and the last ${fmt(VERIFY)} as a range of the whole tree…`,
    );
    const keyPair = ed25519KeyPairFromSeed(Buffer.alloc(32, 7).toString('base64'));
    const signer = { name: ORIGIN, keyPair };
    const verifierKey = formatVerifierKey(ORIGIN, rawEd25519PublicKey(keyPair.publicKey));
    const nodes = new SqlTreeNodesRepository().reader(orm.em.fork());
    const sign = async (treeSize) =>
      signCheckpoint(
        { origin: ORIGIN, treeSize, rootHash: await treeRoot(nodes, treeSize), extensions: [] },
        signer,
      );
    const whole = await timedVerification(
      [...(await exportedEntries(orm, 0, VERIFY)), { record: 'checkpoint', note: await sign(VERIFY) }],
      verifierKey,
    );
    const from = size - VERIFY;
    const hex = (bytes) => Buffer.from(bytes).toString('hex');
    const rangeProof = {
      record: 'range-proof',
      from,
      to: size,
      treeSize: size,
      left: {
        leafHash: hex(await nodes.get(0, from - 1)),
        proof: (await inclusionProof(nodes, from - 1, from)).map(hex),
      },
      // The range ends at the checkpoint's size: there is no later tree to be consistent with.
      consistency: [],
    };
    const range = await timedVerification(
      [
        ...(await exportedEntries(orm, from, size)),
        { record: 'checkpoint', note: await sign(size) },
        rangeProof,
      ],
      verifierKey,
    );

    log('ceiling: pgbench single-row commits, 1 client (5 s) and 8 clients (10 s)…');
    const commitsOneClient = await pgbenchCommits(url, 1, 5);
    const commitsEightClients = await pgbenchCommits(url, 8, 10);

    const [{ count: entryCount }] = (
      await withClient(url, (c) => c.query('select count(*)::int as count from audit.entries'))
    ).rows;
    const [{ duplicates }] = (
      await withClient(url, (c) =>
        c.query('select count(*) - count(distinct event_id) as duplicates from audit.entries'),
      )
    ).rows;
    if (entryCount !== size || Number(duplicates) !== 0) {
      log('CHECK FAILED: the register does not hold one entry per appended event', {
        entryCount,
        size,
        duplicates,
      });
      process.exitCode = 1;
    }
    const result = {
      date: new Date().toISOString().slice(0, 10),
      node: process.version,
      cpu: `${cpus()[0]?.model.trim()} (${cpus().length} vCPU)`,
      postgres: (await withClient(url, (c) => c.query('show server_version'))).rows[0].server_version,
      loaded: { entries: ENTRIES, seconds: loadSeconds },
      append: { sequential, concurrent, batched, batchedConcurrent },
      inclusionProofMs: {
        size,
        count: PROOFS,
        p50: percentile(latencies, 50),
        p99: percentile(latencies, 99),
        max: latencies.at(-1),
      },
      offlineVerification: { whole, range },
      ceiling: {
        pgbenchSingleRowCommitsPerSecond: { oneClient: commitsOneClient, eightClients: commitsEightClients },
      },
      checks: { entries: entryCount, duplicates: Number(duplicates) },
    };
    console.log(JSON.stringify(result, null, 2));
    const ms = (n) => fmt(n, 2);
    const breakdown = (round, per = 1) => {
      const b = round.msPerAppend;
      return `lock head ${ms(b.lockHead * per)} · events recorded? ${ms(b.recordedEvents * per)} · tree read + hash ${ms(b.treeReadAndHash * per)} · entry, payload, head ${ms(b.appendEntryPayloadHead * per)} · tree nodes ${ms(b.insertTreeNodes * per)} · begin + commit ${ms(b.beginAndCommit * per)}`;
    };
    console.log(`
| what (register of ${fmt(ENTRIES)} entries) | figure | vs pgbench single-row commits/s |
|---|---:|---:|
| appends/s, one at a time (\`AppendEvents\` of one event, own transaction) | **${fmt(sequential.perSecond)}** | ${fmt(sequential.perSecond / commitsOneClient, 2)} of 1 client |
| appends/s, ${CONCURRENCY} transactions at once (one head lock) | **${fmt(concurrent.perSecond)}** | ${fmt(concurrent.perSecond / commitsEightClients, 2)} of 8 clients |
| ms per append, one at a time: ${breakdown(sequential)} | ${ms(sequential.msPerAppend.transaction)} | |
| ms per append, ${CONCURRENCY} at once (time inside each call, waits included) | ${ms(concurrent.msPerAppend.transaction)} | |
| appends/s, ${BATCH} per transaction, one transaction at a time | **${fmt(batched.perSecond)}** | ${fmt(batched.perSecond / commitsOneClient, 2)} of 1 client |
| appends/s, ${BATCH} per transaction, ${CONCURRENCY} transactions at once | **${fmt(batchedConcurrent.perSecond)}** | ${fmt(batchedConcurrent.perSecond / commitsEightClients, 2)} of 8 clients |
| ms per batch of ${BATCH}, one at a time: ${breakdown(batched, BATCH)} | ${ms(batched.msPerAppend.transaction * BATCH)} | |
| inclusion proof (\`ProveInclusion\`) at ${fmt(size)} entries, p50 / p99 / max | **${ms(percentile(latencies, 50))} / ${ms(percentile(latencies, 99))}** / ${ms(latencies.at(-1))} ms | |
| offline verification (\`verifyExport\`), whole export of ${fmt(whole.entries)} entries | **${fmt(whole.perSecond)} entries/s** | |
| offline verification, range of the last ${fmt(range.entries)} of ${fmt(size)} | ${fmt(range.perSecond)} entries/s | |
| ceiling: pgbench single-row commits/s, 1 client / 8 clients | ${fmt(commitsOneClient)} / ${fmt(commitsEightClients)} | 1 |
| bulk load of ${fmt(ENTRIES)} entries and tree nodes | ${fmt(loadSeconds, 0)} s | |
`);
  } finally {
    await orm.close();
    await withClient(ADMIN_URL, (c) => c.query(`drop database if exists ${name} with (force)`));
  }
}

await main();
