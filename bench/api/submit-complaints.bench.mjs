// Complaints accepted per second through the gateway (HTTP → NATS request → intake →
// PostgreSQL transaction with reference, encryption, idempotency key, outbox row), with
// latency percentiles, next to the machine's ceilings measured in the same run:
//   - PostgreSQL single-row commits/s (pgbench, same concurrency)
//   - HTTP round trips/s to the gateway's /health/live (no NATS, no database)
//
// Needs the system running (`npm start`) with a rate limit that does not get in the way:
//   RATE_LIMIT_PER_MINUTE=10000000 npm start
//   node bench/api/submit-complaints.bench.mjs
// BENCH_GATEWAY_URL (http://localhost:3000), BENCH_API_KEY (dev-submitter-key),
// BENCH_REQUESTS (5000), BENCH_CONCURRENCY (32), BENCH_DATABASE_URL (postgres://postgres@127.0.0.1:5432/postgres).

import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';

const gateway = process.env.BENCH_GATEWAY_URL ?? 'http://localhost:3000';
const apiKey = process.env.BENCH_API_KEY ?? 'dev-submitter-key';
const requests = Number(process.env.BENCH_REQUESTS ?? 5000);
const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 32);
const databaseUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

const body = JSON.stringify({
  policyId: 'mimo',
  kind: 'complaint',
  channel: 'email',
  customer: { name: 'Bench Customer', email: 'bench@example.org' },
  subject: 'Benchmark complaint',
  description: 'Submitted by bench/api/submit-complaints.bench.mjs',
});

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** Runs `total` calls of `call` with `concurrency` in flight; returns rate and latency percentiles (ms). */
async function drive(total, call) {
  const latencies = [];
  let next = 0;
  let failures = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) {
        next += 1;
        const t0 = performance.now();
        const ok = await call();
        latencies.push(performance.now() - t0);
        if (!ok) failures += 1;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return { perSecond: total / seconds, p50: percentile(latencies, 50), p99: percentile(latencies, 99), failures };
}

function pgbenchCommitsPerSecond() {
  const dir = mkdtempSync(join(tmpdir(), 'bench-'));
  const script = join(dir, 'insert.sql');
  writeFileSync(script, 'insert into bench_ceiling (id, payload) values (gen_random_uuid(), repeat(\'x\', 200));\n');
  const psql = (sql) => execFileSync('psql', [databaseUrl, '-qAtc', sql]);
  psql('create table if not exists bench_ceiling (id uuid primary key, payload text)');
  try {
    const out = execFileSync('pgbench', ['-n', '-f', script, '-c', String(concurrency), '-j', '2', '-T', '10', databaseUrl], {
      encoding: 'utf8',
    });
    return Number(/tps = ([\d.]+)/.exec(out)?.[1]);
  } finally {
    psql('drop table bench_ceiling');
  }
}

const health = await drive(requests, async () => (await fetch(`${gateway}/health/live`)).ok);
const submit = await drive(requests, async () => {
  const response = await fetch(`${gateway}/v1/complaints`, {
    method: 'POST',
    headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json', 'idempotency-key': randomUUID() },
    body,
  });
  await response.arrayBuffer();
  return response.status === 201;
});
const commits = pgbenchCommitsPerSecond();

const line = (what, perSecond, latency, ratio) =>
  `| ${what} | ${Math.round(perSecond)} | ${latency ? latency.p50.toFixed(1) : ''} | ${latency ? latency.p99.toFixed(1) : ''} | ${latency ? latency.failures : ''} | ${ratio} |`;
console.log(`node ${process.version}, ${cpus().length} × ${cpus()[0]?.model}, ${requests} requests, ${concurrency} in flight`);
console.log('| what | per second | p50 ms | p99 ms | failures | complaints/s as a share of it |');
console.log('|---|---:|---:|---:|---:|---:|');
console.log(line('POST /v1/complaints accepted (201)', submit.perSecond, submit, ''));
console.log(line('ceiling: GET /health/live round trips', health.perSecond, health, (submit.perSecond / health.perSecond).toFixed(2)));
console.log(line(`ceiling: PostgreSQL single-row commits (pgbench, ${concurrency} clients)`, commits, undefined, (submit.perSecond / commits).toFixed(2)));
