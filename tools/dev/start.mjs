// `npm start` (after `npm run build`): finds or starts PostgreSQL and NATS, runs the seven
// services, waits until they are ready and says how to use them. Ctrl-C stops everything:
// services first, then the nats-server and PostgreSQL it started. See tools/dev/README.md.

import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { styleText } from 'node:util';
import { infraBanner, readyBanner } from './banner.mjs';
import { basePort, readyTimeoutMs, serviceSpecs } from './catalog.mjs';
import { NotReadyError, waitUntilReady } from './health.mjs';
import { resolveMail } from './mail.mjs';
import { resolveNats } from './nats.mjs';
import { embeddedForced } from './plan.mjs';
import { logFile, paths, repoRoot, shown } from './paths.mjs';
import { portFree } from './ports.mjs';
import { resolvePostgres } from './postgres.mjs';
import { hasExited } from './procs.mjs';
import { RunState } from './run-state.mjs';
import { startServices, unbuilt } from './services.mjs';

const HELP = `Usage: npm start                     build, then run everything
       node tools/dev/start.mjs [--infra-only]

  --infra-only   only find/start PostgreSQL and NATS and print their URLs

Environment (all optional):
  DATABASE_URL          PostgreSQL to use if it answers (else 127.0.0.1:5432, else embedded)
  NATS_URL              NATS (with JetStream) to use if it answers (else 127.0.0.1:4222, else nats-server)
  COMPLAINTS_EMBEDDED=1 ignore the above and the local servers: embedded PostgreSQL + own nats-server
  COMPLAINTS_BASE_PORT  gateway port, the others follow (default 3000: gateway 3000, intake 3001 … audit 3006)
  COMPLAINTS_READY_TIMEOUT  seconds to wait for /health/ready (default 60)
  LOG_LEVEL             service log level (default info)
  OTEL_EXPORTER_OTLP_ENDPOINT  OTLP/HTTP collector for traces, e.g. http://127.0.0.1:4318
  SMTP_URL              mail server for notifications (else a mail catcher with a web UI, maildev)
  API_KEYS, PII_ENCRYPTION_KEYS, SURVEY_LINK_SECRET, PUBLIC_BASE_URL, AUDIT_SIGNING_KEY
                        override the dev defaults passed to the services

State lives in .local/: postgres/ (embedded data), nats/ (JetStream store), mail/ (caught emails), logs/.`;

const args = process.argv.slice(2);
if (args.includes('--help') || args.includes('-h')) {
  process.stdout.write(`${HELP}\n`);
  process.exit(0);
}
const unknown = args.filter((a) => a !== '--infra-only');
if (unknown.length > 0) {
  process.stderr.write(`Unknown argument ${unknown.join(' ')}\n\n${HELP}\n`);
  process.exit(2);
}
const infraOnly = args.includes('--infra-only');
const env = process.env;

/** @type {{ name: string, stop: () => Promise<void> }[]} stopped last-started first */
const cleanups = [];
const runState = new RunState(paths.runState);
const startup = new AbortController();
let shuttingDown = false;
/** @type {ReturnType<typeof startServices> | undefined} */
let supervisor;

/** @param {string} text */
const say = (text) => process.stdout.write(`${text}\n`);
/** @param {string} text */
const note = (text) => say(styleText('yellow', `! ${text}`));
/** @param {string} text */
const problem = (text) => process.stderr.write(`${styleText('red', `✗ ${text}`)}\n`);

/**
 * A service's console line: its name, then the text, coloured by level.
 * @param {string} name
 * @param {string} text
 */
function printServiceLine(name, text) {
  const colour = /^(ERROR|FATAL)\b/.test(text) ? 'red' : /^WARN\b/.test(text) ? 'yellow' : 'gray';
  say(`${styleText('cyan', `[${name}]`.padEnd(16))}${styleText(colour, text)}`);
}

/**
 * Stops everything that was started, last first, then exits.
 * @param {number} code
 * @param {string} [why]
 */
async function shutdown(code, why) {
  if (shuttingDown) return;
  shuttingDown = true;
  startup.abort(new Error('shutting down'));
  if (why) say(why);
  while (cleanups.length > 0) {
    const { name, stop } = /** @type {(typeof cleanups)[number]} */ (cleanups.pop());
    try {
      await stop();
    } catch (error) {
      problem(`stopping ${name}: ${/** @type {Error} */ (error).message}`);
    }
  }
  runState.release();
  if (code === 0) say('Stopped.');
  process.exit(code);
}

/** @param {NodeJS.Signals} signal */
function onSignal(signal) {
  if (shuttingDown) {
    say('Still stopping: services get 10 s before SIGKILL…');
    return;
  }
  void shutdown(0, `\n${signal}: stopping ${supervisor ? 'the services, then ' : ''}what npm start started…`);
}
for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM', 'SIGHUP'])) process.on(signal, onSignal);

// `npm start` runs us under `sh -c`. A signal sent to npm alone (kill, `timeout`) reaches sh,
// which dies without passing it on: we would live on as an orphan with every service. So
// being re-parented counts as a stop request. Output may then go to a closed pipe: ignore.
const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent) void shutdown(0, 'npm start was stopped: stopping what it started…');
}, 1_000).unref();
process.stdout.on('error', () => undefined);
process.stderr.on('error', () => undefined);

/**
 * Registers a spawned infrastructure process: recorded in .local/run and stopped on exit.
 * @param {string} name
 * @param {string} marker
 * @param {NodeJS.Signals} signal
 * @returns {import('./postgres.mjs').OnSpawn}
 */
function own(name, marker, signal) {
  return (child, stop) => {
    runState.add({ name, pid: /** @type {number} */ (child.pid), marker, signal });
    cleanups.push({
      name,
      stop: async () => {
        await stop();
        say(`${name} stopped.`);
      },
    });
    if (shuttingDown) void stop();
  };
}

/**
 * After start-up, a dying nats-server or PostgreSQL takes everything down with it.
 * @param {string} name
 * @param {{ child?: import('node:child_process').ChildProcess, logFile?: string }} resource
 */
function watchInfra(name, resource) {
  const { child } = resource;
  if (!child) return;
  const died = () => {
    if (shuttingDown) return;
    problem(
      `${name} stopped unexpectedly (exit ${child.exitCode ?? child.signalCode}); see ${shown(resource.logFile ?? '')}`,
    );
    void shutdown(1);
  };
  if (hasExited(child)) died();
  else child.once('exit', died);
}

/**
 * @param {import('./services.mjs').Running} service
 * @param {string} how
 */
function onServiceExit(service, how) {
  if (shuttingDown) return;
  const lines = service.tail.all();
  problem(`${service.spec.name} ${how}. Last ${lines.length} lines of ${shown(service.logFile)}:`);
  for (const line of lines) process.stderr.write(`    ${line}\n`);
  void shutdown(1, 'Stopping everything else…');
}

/**
 * Refuses early, before anything slow starts: unbuilt services, busy ports.
 * @param {import('./catalog.mjs').ServiceSpec[]} specs
 */
async function preflight(specs) {
  const missing = unbuilt(specs);
  if (missing.length > 0) {
    throw new Error(
      `${missing.length === specs.length ? 'No service is built' : 'Some services are not built'}: missing ${missing
        .map((s) => shown(s.entry))
        .join(', ')}.\n  Run \`npm run build\` first (\`npm start\` runs it for you).`,
    );
  }
  const busy = [];
  for (const spec of specs) if (!(await portFree(spec.port))) busy.push(`${spec.port} (${spec.name})`);
  if (busy.length > 0) {
    throw new Error(
      `port ${busy.join(', ')} already in use. Is another \`npm start\` or \`docker compose up\` running? Stop it, or choose other ports with COMPLAINTS_BASE_PORT=4000.`,
    );
  }
}

async function main() {
  const major = Number(process.versions.node.split('.')[0]);
  if (major < 24)
    note(
      `Node ${process.versions.node}: the services need Node 24. Run \`npm start\`, which uses the node from node_modules.`,
    );
  const timeoutMs = readyTimeoutMs(env);
  basePort(env);
  if (!infraOnly) await preflight(serviceSpecs({ env, repoRoot, databaseUrl: '', natsUrl: '' }));

  await runState.acquire(note);
  mkdirSync(paths.logs, { recursive: true });
  if (embeddedForced(env))
    note('COMPLAINTS_EMBEDDED=1: using the embedded PostgreSQL and a nats-server of our own.');

  const postgres = await resolvePostgres({
    env,
    dataDir: paths.postgresData,
    logFile: logFile('postgres'),
    log: note,
    onSpawn: own('PostgreSQL', 'postgres-host.mjs', 'SIGINT'),
  });
  if (shuttingDown) return;
  watchInfra('PostgreSQL', postgres);
  say(`PostgreSQL  ${postgres.label}`);

  const nats = await resolveNats({
    env,
    storeDir: paths.natsStore,
    logFile: logFile('nats'),
    log: note,
    onSpawn: own('nats-server', 'nats-server', 'SIGTERM'),
  });
  if (shuttingDown) return;
  watchInfra('nats-server', nats);
  say(`NATS        ${nats.label}`);

  if (infraOnly) {
    say(infraBanner({ postgres: { label: postgres.label, url: postgres.url }, nats }));
    setInterval(() => undefined, 1 << 30); // stay up until Ctrl-C, even with nothing spawned
    return;
  }

  const mail = await resolveMail({ env, mailDir: paths.mail });
  cleanups.push({ name: 'the mail catcher', stop: mail.stop });
  if (shuttingDown) return;
  say(`Mail        ${mail.webUrl ? `${mail.label}: ${mail.webUrl}` : mail.label}`);

  const specs = serviceSpecs({ env, repoRoot, databaseUrl: postgres.url, natsUrl: nats.url, smtpUrl: mail.smtpUrl });
  supervisor = startServices(specs, {
    logsDir: paths.logs,
    cwd: repoRoot,
    print: printServiceLine,
    onUnexpectedExit: onServiceExit,
    onSpawn: (spec, child) =>
      runState.add({
        name: spec.name,
        pid: /** @type {number} */ (child.pid),
        marker: shown(spec.entry),
        signal: 'SIGTERM',
      }),
  });
  const services = supervisor;
  cleanups.push({
    name: 'services',
    stop: async () => {
      const started = Date.now();
      const killed = await services.stopAll(10_000);
      if (killed.length > 0) note(`${killed.join(', ')} did not stop within 10 s after SIGTERM: killed.`);
      say(`Services stopped (${((Date.now() - started) / 1000).toFixed(1)} s).`);
    },
  });
  say(
    `Starting ${specs.map((s) => s.name).join(', ')}; waiting for /health/ready (up to ${timeoutMs / 1000} s)…`,
  );

  await waitUntilReady(specs, {
    timeoutMs,
    signal: startup.signal,
    onReady: (service, elapsedMs) =>
      say(`  ${styleText('green', '✓')} ${service.name} ready (${(elapsedMs / 1000).toFixed(1)} s)`),
  });
  say(
    readyBanner({
      services: specs,
      postgres: { label: postgres.label, url: postgres.shownUrl },
      nats,
      mail,
      logsDir: shown(paths.logs),
      env,
      idempotencyKey: randomUUID(),
    }),
  );
}

main().catch((error) => {
  if (shuttingDown) return;
  if (error instanceof NotReadyError) {
    for (const service of error.services) {
      problem(`${service.name} (port ${service.port}) is not ready: ${service.last}`);
      const running = supervisor?.running.find((r) => r.spec.name === service.name);
      say(`    log: ${shown(running?.logFile ?? logFile(service.name))}; its last lines:`);
      for (const line of running?.tail.all().slice(-10) ?? []) say(`    ${line}`);
    }
    problem(`${error.message}. Raise COMPLAINTS_READY_TIMEOUT (seconds) if this machine is just slow.`);
  } else {
    problem(/** @type {Error} */ (error).message);
  }
  void shutdown(1);
});
