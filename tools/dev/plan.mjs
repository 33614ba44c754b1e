// Which PostgreSQL and NATS `npm start` uses, decided from the environment and probe
// results. Pure: no I/O here, so every rule is unit tested (plan.test.mjs).

import { delimiter, join } from 'node:path';

export const APP_DATABASE = 'complaints';
export const DEFAULT_POSTGRES_TCP_URL = 'postgres://postgres@127.0.0.1:5432/postgres';
/** Debian/Ubuntu put the socket in the first, macOS (Homebrew, Postgres.app) in the second. */
export const POSTGRES_SOCKET_DIRS = ['/var/run/postgresql', '/tmp'];
export const DEFAULT_NATS_URL = 'nats://127.0.0.1:4222';
/** Searched after PATH: Debian installs nats-server to /usr/sbin, which a user's PATH often lacks. */
export const NATS_SERVER_EXTRA_DIRS = ['/usr/sbin', '/usr/local/bin', '/opt/homebrew/bin'];

/**
 * @typedef {{ source: 'env' | 'local', label: string, url: string }} Candidate
 * @typedef {{ ok: boolean, error?: string, jetstream?: boolean }} ProbeOutcome
 * @typedef {{ use: 'external', candidate: Candidate, notes: string[] }
 *         | { use: 'embedded', notes: string[] }} PostgresDecision
 * @typedef {{ use: 'external', candidate: Candidate, notes: string[] }
 *         | { use: 'spawn', bin: string, notes: string[] }
 *         | { use: 'fail', message: string, notes: string[] }} NatsDecision
 */

/**
 * COMPLAINTS_EMBEDDED=1 forces the embedded PostgreSQL and a spawned nats-server, ignoring
 * DATABASE_URL, NATS_URL and the default local servers.
 * @param {NodeJS.ProcessEnv} env
 */
export function embeddedForced(env) {
  return ['1', 'true', 'yes'].includes(
    String(env.COMPLAINTS_EMBEDDED ?? '')
      .trim()
      .toLowerCase(),
  );
}

/**
 * Where to look for a running PostgreSQL, in order.
 * @param {NodeJS.ProcessEnv} env
 * @param {{ osUser?: string }} [context] the OS user: Homebrew's superuser is named after it
 * @returns {Candidate[]}
 */
export function postgresCandidates(env, { osUser } = {}) {
  if (embeddedForced(env)) return [];
  /** @type {Candidate[]} */
  const candidates = [];
  if (env.DATABASE_URL) candidates.push({ source: 'env', label: 'DATABASE_URL', url: env.DATABASE_URL });
  candidates.push({
    source: 'local',
    label: 'local PostgreSQL on 127.0.0.1:5432',
    url: DEFAULT_POSTGRES_TCP_URL,
  });
  const users = ['postgres', ...(osUser && osUser !== 'postgres' && osUser !== 'root' ? [osUser] : [])];
  for (const dir of POSTGRES_SOCKET_DIRS) {
    for (const user of users) {
      candidates.push({
        source: 'local',
        label: `local PostgreSQL on socket ${dir} as ${user}`,
        url: `postgres://${user}@localhost:5432/postgres?host=${encodeURIComponent(dir)}`,
      });
    }
  }
  return candidates;
}

/**
 * The first candidate that answered wins; else the embedded PostgreSQL.
 * @param {Candidate[]} candidates
 * @param {(ProbeOutcome | undefined)[]} outcomes same order; undefined = not probed
 * @returns {PostgresDecision}
 */
export function decidePostgres(candidates, outcomes) {
  const notes = [];
  for (const [index, candidate] of candidates.entries()) {
    const outcome = outcomes[index];
    if (outcome?.ok) return { use: 'external', candidate, notes };
    if (candidate.source === 'env' && outcome) {
      notes.push(
        `DATABASE_URL (${redactUrl(candidate.url)}) did not answer: ${outcome.error}; trying the next option.`,
      );
    }
  }
  return { use: 'embedded', notes };
}

/**
 * Where to look for a running NATS, in order. NATS_URL may list several servers.
 * @param {NodeJS.ProcessEnv} env
 * @returns {Candidate[]}
 */
export function natsCandidates(env) {
  if (embeddedForced(env)) return [];
  /** @type {Candidate[]} */
  const candidates = [];
  if (env.NATS_URL) {
    for (const server of env.NATS_URL.split(',')
      .map((s) => s.trim())
      .filter(Boolean)) {
      candidates.push({ source: 'env', label: 'NATS_URL', url: server });
    }
  }
  candidates.push({ source: 'local', label: 'local nats-server on 127.0.0.1:4222', url: DEFAULT_NATS_URL });
  return candidates;
}

/**
 * The first NATS that answers with JetStream wins. NATS_URL without JetStream is an error
 * (the user chose it); a default local one without JetStream is skipped. Else spawn
 * nats-server if it is installed, else fail with install instructions.
 * @param {Candidate[]} candidates
 * @param {(ProbeOutcome | undefined)[]} outcomes same order; undefined = not probed
 * @param {string | null} natsServerBin
 * @param {NodeJS.ProcessEnv} env
 * @returns {NatsDecision}
 */
export function decideNats(candidates, outcomes, natsServerBin, env) {
  const notes = [];
  for (const [index, candidate] of candidates.entries()) {
    const outcome = outcomes[index];
    if (!outcome) continue;
    const where = `${candidate.label} (${redactUrl(candidate.url)})`;
    if (outcome.ok && outcome.jetstream === false) {
      if (candidate.source === 'env') {
        return {
          use: 'fail',
          message: `${where} answers but has JetStream disabled; the services need it. Start it with \`nats-server -js\`, or unset NATS_URL.`,
          notes,
        };
      }
      notes.push(`${where} answers but has JetStream disabled; not using it.`);
      continue;
    }
    if (outcome.ok) return { use: 'external', candidate, notes };
    if (candidate.source === 'env')
      notes.push(`NATS_URL server ${redactUrl(candidate.url)} did not answer: ${outcome.error}.`);
  }
  if (natsServerBin) return { use: 'spawn', bin: natsServerBin, notes };
  const why = embeddedForced(env)
    ? 'COMPLAINTS_EMBEDDED=1 needs nats-server to start one'
    : 'no NATS answered (NATS_URL, nats://127.0.0.1:4222) and nats-server is not installed';
  return { use: 'fail', message: `${why}.\n${natsInstallHelp()}`, notes };
}

export function natsInstallHelp() {
  return [
    'Install nats-server (2.9 or later, JetStream is built in), then run `npm start` again:',
    '  Debian/Ubuntu: sudo apt install nats-server      (installs /usr/sbin/nats-server)',
    '  macOS:         brew install nats-server',
    '  Go:            go install github.com/nats-io/nats-server/v2@latest',
    '  Docker:        docker run -d -p 4222:4222 nats -js   (then npm start uses nats://127.0.0.1:4222)',
    'or point NATS_URL at a NATS server that has JetStream enabled.',
  ].join('\n');
}

/**
 * Finds an executable named `name` on PATH, then in the extra directories.
 * @param {string | undefined} pathVar the PATH variable
 * @param {(file: string) => boolean} isExecutable
 * @param {{ name?: string, extraDirs?: string[] }} [options]
 * @returns {string | null}
 */
export function findExecutable(
  pathVar,
  isExecutable,
  { name = 'nats-server', extraDirs = NATS_SERVER_EXTRA_DIRS } = {},
) {
  const dirs = [...(pathVar ?? '').split(delimiter).filter(Boolean), ...extraDirs];
  for (const dir of dirs) {
    const file = join(dir, name);
    if (isExecutable(file)) return file;
  }
  return null;
}

/**
 * The same server, database `name`. Keeps credentials and query (sslmode, host=socket dir).
 * @param {string} url
 * @param {string} [name]
 */
export function withDatabase(url, name = APP_DATABASE) {
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(name)}`;
  return parsed.toString();
}

/**
 * The database the services use on a server found through `candidate`: the one DATABASE_URL
 * names, as the README promises; `complaints` on the local default server (or when the URL
 * names none).
 * @param {{ source: string, url: string }} candidate
 */
export function appDatabaseOf(candidate) {
  if (candidate.source !== 'env') return APP_DATABASE;
  const name = decodeURIComponent(new URL(candidate.url).pathname.replace(/^\//, ''));
  return name || APP_DATABASE;
}

/**
 * For printing: hides the password.
 * @param {string} url
 */
export function redactUrl(url) {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '<unparseable URL>';
  }
}
