// Emails delivered per second by the notifications service during a burst of complaints, next
// to the SMTP sink's own accept rate measured in the same run. Not a test: run it on a quiet
// machine with the local PostgreSQL and NATS (it creates and drops a database and a NATS
// namespace of its own).
//
//   npx nx run @complaints/notifications:build && npx node bench/notifications/email-delivery.bench.mjs
//
// Options (env): BENCH_COMPLAINTS (default 2000), BENCH_DATABASE_URL (an admin URL; default
// DATABASE_URL, then postgres://postgres@127.0.0.1:5432/postgres), BENCH_NATS_URL (default
// NATS_URL, then nats://127.0.0.1:4222), BENCH_POLL_MS (the service's NOTIFY_POLL_MS, default 100),
// BENCH_CPU_PROF_DIR (runs the service with --cpu-prof, the profile written there when it stops).
//
// What runs: the real notifications service as its own process (the build's main.js, as
// `npm start` runs it), sending with its own nodemailer transport to an SMTP server
// (`smtp-server`) in this process that counts every message. This process plays intake: it
// publishes `complaint.received` then `complaint.acknowledged` of BENCH_COMPLAINTS Mimo
// complaints onto the namespace's COMPLAINTS stream as fast as JetStream takes them (Mimo's
// policy sends the acknowledgement, nothing on receipt: one email per complaint), and answers
// `IntakeRequests.getCustomerContact`, which the service asks before every email.
// Ceiling: the same number of emails of the same size sent straight to the same sink from this
// process with nodemailer, pooled like the service's sender (4 connections) and over one connection.
import { IntakeRequests } from '@complaints/contracts';
import { TestBus, answer, answerRequests, complaintEvents } from '@complaints/service-testing';
import { deleteNamespaceStreams } from '@complaints/testing';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { createTransport } from 'nodemailer';
import { SMTPServer } from 'smtp-server';
import { databaseUrl, fmt, log, percentile, withClient } from '../support/bench-kit.mjs';

const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const NATS_URL = process.env.BENCH_NATS_URL ?? process.env.NATS_URL ?? 'nats://127.0.0.1:4222';
const COMPLAINTS = Number(process.env.BENCH_COMPLAINTS ?? 2000);
const POLL_MS = Number(process.env.BENCH_POLL_MS ?? 100);
const PUBLISH_CONCURRENCY = 64;
const PROFILE_DIR = process.env.BENCH_CPU_PROF_DIR;

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const ms = (ns) => Number(ns) / 1e6;
const now = () => process.hrtime.bigint();

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** CPU time (user + system, ms) a process has used so far, from /proc (Linux). */
function cpuMs(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
}

/** An SMTP server that accepts everything and notes when each message ended, and to whom. */
async function startSink() {
  const sink = { received: [], bytes: 0, onMessage: () => {} };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      let size = 0;
      stream.on('data', (chunk) => (size += chunk.length));
      stream.on('end', () => {
        const mail = { at: now(), to: session.envelope.rcptTo.map((r) => r.address), size };
        sink.received.push(mail);
        sink.bytes += size;
        sink.onMessage(mail);
        callback();
      });
    },
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  sink.port = server.server.address().port;
  sink.close = () => new Promise((resolve) => server.close(resolve));
  sink.waitFor = (count, timeoutMs) =>
    new Promise((resolve, reject) => {
      if (sink.received.length >= count) return resolve();
      const timer = setTimeout(() => reject(new Error(`only ${sink.received.length} of ${count} emails in ${timeoutMs} ms`)), timeoutMs);
      sink.onMessage = () => {
        if (sink.received.length >= count) {
          clearTimeout(timer);
          sink.onMessage = () => {};
          resolve();
        }
      };
    });
  return sink;
}

/** Runs `work(i)` for i in [0, n) with at most `concurrency` at once. */
async function inParallel(n, concurrency, work) {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < n) await work(next++);
    }),
  );
}

async function waitReady(port, child, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`notifications exited with ${child.exitCode}`);
    try {
      const response = await fetch(`http://127.0.0.1:${port}/health/ready`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await sleep(200);
  }
  throw new Error('notifications was not ready in time');
}

/** Ceiling: `count` emails of `size` bytes straight to the sink with nodemailer. */
async function sinkAcceptRate(sink, count, size, maxConnections) {
  const transport = createTransport({ host: '127.0.0.1', port: sink.port, secure: false, ignoreTLS: true, pool: true, maxConnections });
  const text = 'x'.repeat(Math.max(0, Math.floor(size / 2) - 400));
  const html = `<!doctype html><html lang="en"><body><p>${text}</p></body></html>`;
  const before = sink.received.length;
  const start = now();
  try {
    await Promise.all(
      Array.from({ length: count }, (_, i) =>
        transport.sendMail({ from: 'Complaints <complaints@localhost>', to: `ceiling${i}@bench.example`, subject: `Ceiling ${i}`, text, html }),
      ),
    );
  } finally {
    transport.close();
  }
  const seconds = ms(now() - start) / 1000;
  if (sink.received.length - before !== count) throw new Error('the sink missed ceiling emails');
  return count / seconds;
}

async function main() {
  const namespace = `bench${randomBytes(4).toString('hex')}`;
  const dbName = `bench_notify_${randomBytes(4).toString('hex')}`;
  const dbUrl = databaseUrl(ADMIN_URL, dbName);
  const port = await freePort();
  const sink = await startSink();
  const mainJs = fileURLToPath(import.meta.resolve('@complaints/notifications'));

  const complaints = Array.from({ length: COMPLAINTS }, (_, i) => {
    const reference = `MIMO-2026-${String(i + 1).padStart(6, '0')}`;
    return { events: complaintEvents({ reference }), reference, email: `customer${i}@bench.example`, ackAt: 0n, emails: 0 };
  });
  const byId = new Map(complaints.map((c) => [c.events.complaintId, c]));
  const byEmail = new Map(complaints.map((c) => [c.email, c]));
  const contactTimes = [];

  let child;
  let responder;
  let bus;
  await withClient(ADMIN_URL, (c) => c.query(`create database ${dbName}`));
  try {
    responder = await answerRequests(NATS_URL, namespace, [
      answer(IntakeRequests.getCustomerContact, (request) => {
        contactTimes.push(now());
        const complaint = byId.get(request.complaintId);
        return Promise.resolve({
          complaintId: request.complaintId,
          reference: complaint.reference,
          organisationId: 'mimo',
          policyId: 'mimo',
          policyVersion: 1,
          status: 'acknowledged',
          customer: { name: 'Alex Bench', email: complaint.email, locale: 'en' },
          note: null,
        });
      }),
    ]);
    bus = await TestBus.connect(NATS_URL, namespace);

    log(`starting notifications (${mainJs}) on port ${port}, namespace ${namespace}, database ${dbName}`);
    child = spawn(process.execPath, [...(PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${PROFILE_DIR}`] : []), mainJs], {
      env: {
        PATH: process.env.PATH,
        DATABASE_URL: dbUrl,
        NATS_URL,
        NATS_NAMESPACE: namespace,
        PORT: String(port),
        SMTP_URL: `smtp://127.0.0.1:${sink.port}`,
        NOTIFY_POLL_MS: String(POLL_MS),
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    await waitReady(port, child);
    log('ready; warming up with one complaint');
    // One complaint outside the measurement: connections, prepared paths, JIT.
    const warm = complaintEvents({ reference: 'MIMO-2026-999999' });
    byId.set(warm.complaintId, { reference: 'MIMO-2026-999999', email: 'warm@bench.example' });
    await bus.publish(warm.received());
    await bus.publish(warm.acknowledged());
    await sink.waitFor(1, 30_000);
    sink.received.length = 0;
    sink.bytes = 0;
    contactTimes.length = 0;

    const cpuBefore = cpuMs(child.pid);
    const selfBefore = process.cpuUsage();
    log(`publishing ${COMPLAINTS} complaint.received, then as many complaint.acknowledged`);
    const load = loadavg()[0];
    const startWall = Date.now();
    const start = now();
    await inParallel(COMPLAINTS, PUBLISH_CONCURRENCY, (i) => bus.publish(complaints[i].events.received()));
    const receivedPublished = now();
    await inParallel(COMPLAINTS, PUBLISH_CONCURRENCY, async (i) => {
      const event = complaints[i].events.acknowledged();
      await bus.publish(event);
      complaints[i].ackAt = now();
    });
    const published = now();
    log(`published in ${fmt(ms(published - start))} ms; waiting for ${COMPLAINTS} emails`);
    await sink.waitFor(COMPLAINTS, 150_000);
    const done = now();
    const cpuAfter = cpuMs(child.pid);
    const self = process.cpuUsage(selfBefore);
    await sleep(1000); // any duplicate would arrive now

    const emailed = sink.received.length;
    // When the consumers planned each delivery (created_at) and when the worker sent it (sent_at).
    const planned = await withClient(dbUrl, async (c) =>
      (
        await c.query(
          `select extract(epoch from min(created_at)) * 1000 as first_planned, extract(epoch from max(created_at)) * 1000 as last_planned,
                  extract(epoch from percentile_cont(0.5) within group (order by sent_at - created_at)) * 1000 as wait_p50,
                  extract(epoch from percentile_cont(0.99) within group (order by sent_at - created_at)) * 1000 as wait_p99, count(*)::int as n
             from notifications.deliveries where created_at >= to_timestamp($1 / 1000.0)`,
          [startWall],
        )
      ).rows[0],
    );
    for (const mail of sink.received) for (const to of mail.to) byEmail.get(to).emails++;
    const duplicates = complaints.filter((c) => c.emails > 1).length;
    const missing = complaints.filter((c) => c.emails === 0).length;
    const first = sink.received[0].at;
    const last = sink.received[COMPLAINTS - 1].at;
    const lastAck = complaints.reduce((max, c) => (c.ackAt > max ? c.ackAt : max), 0n);
    const latencies = sink.received
      .slice(0, COMPLAINTS)
      .map((mail) => ms(mail.at - byEmail.get(mail.to[0]).ackAt))
      .sort((a, b) => a - b);
    const firstToLast = ms(last - first) / 1000;
    const deliveredPerSecond = (COMPLAINTS - 1) / firstToLast;
    const endToEnd = COMPLAINTS / (ms(done - start) / 1000);
    const avgSize = sink.bytes / COMPLAINTS;
    const contactSpan = contactTimes.length > 1 ? ms(contactTimes.at(-1) - contactTimes[0]) / 1000 : NaN;
    const serviceCpu = cpuAfter - cpuBefore;
    const wall = ms(done - start);

    log('ceiling: the same number of emails straight to the sink');
    const pooled = await sinkAcceptRate(sink, COMPLAINTS, avgSize, 4);
    const single = await sinkAcceptRate(sink, COMPLAINTS, avgSize, 1);

    const rows = [
      ['complaints (events published)', `${fmt(COMPLAINTS)} (${fmt(COMPLAINTS * 2)})`],
      ['publish: received / acknowledged, ms', `${fmt(ms(receivedPublished - start))} / ${fmt(ms(published - receivedPublished))}`],
      ['emails received by the sink (duplicates, missing)', `${fmt(emailed)} (${duplicates}, ${missing})`],
      ['deliveries planned by the consumers (first / last after first publish, ms; per s)', `${fmt(planned.n)} (${fmt(planned.first_planned - startWall)} / ${fmt(planned.last_planned - startWall)}; ${fmt(planned.n / ((planned.last_planned - planned.first_planned) / 1000))})`],
      ['planned → sent, p50 / p99 ms', `${fmt(Number(planned.wait_p50))} / ${fmt(Number(planned.wait_p99))}`],
      ['first email after first publish, ms', fmt(ms(first - start))],
      ['emails/s, first to last email', fmt(deliveredPerSecond)],
      ['emails/s, first publish to last email', fmt(endToEnd)],
      ['last email after last acknowledged published, ms', fmt(ms(last - lastAck))],
      ['latency acknowledged published → email, p50 / p99 / max ms', `${fmt(percentile(latencies, 50))} / ${fmt(percentile(latencies, 99))} / ${fmt(latencies.at(-1))}`],
      ['contact requests answered (per s)', `${fmt(contactTimes.length)} (${fmt(contactTimes.length / contactSpan)})`],
      ['average email size, bytes', fmt(avgSize)],
      ['notifications CPU during the burst, ms (per email; share of wall)', `${fmt(serviceCpu)} (${fmt(serviceCpu / COMPLAINTS, 2)}; ${fmt((serviceCpu / wall) * 100)} %)`],
      ['bench process CPU during the burst, ms', fmt((self.user + self.system) / 1000)],
      ['ceiling: sink accept rate, nodemailer pool of 4, emails/s', fmt(pooled)],
      ['ceiling: sink accept rate, one connection, emails/s', fmt(single)],
      ['delivered ÷ pooled ceiling', fmt(deliveredPerSecond / pooled, 2)],
    ];
    console.log(`node ${process.version}, ${cpus().length} × ${cpus()[0]?.model}, load average ${load.toFixed(2)} at start, ${COMPLAINTS} complaints, NOTIFY_POLL_MS=${POLL_MS}`);
    for (const [what, value] of rows) console.log(`| ${what} | ${value} |`);
    if (duplicates || missing) process.exitCode = 1;
  } finally {
    if (child && child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await Promise.race([exited, sleep(10_000)]);
      if (child.exitCode === null) child.kill('SIGKILL');
    }
    await bus?.close?.();
    await responder?.close();
    await sink.close();
    await deleteNamespaceStreams(NATS_URL, namespace).catch((error) => log('could not delete the streams:', error.message));
    await withClient(ADMIN_URL, (c) => c.query(`drop database if exists ${dbName} with (force)`));
  }
}

await main();
