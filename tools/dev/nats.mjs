// NATS: probe a server (TCP connect + its INFO line), or run nats-server with JetStream.

import { spawn } from 'node:child_process';
import { accessSync, constants, mkdirSync, openSync, closeSync } from 'node:fs';
import { connect } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { decideNats, findExecutable, natsCandidates } from './plan.mjs';
import { freePort } from './ports.mjs';
import { freshLog, logTail, shown } from './paths.mjs';
import { hasExited, terminate } from './procs.mjs';

/**
 * @typedef {import('./plan.mjs').ProbeOutcome & { version?: string }} NatsProbe
 * @typedef {{ url: string, label: string, stop: () => Promise<void>,
 *             child?: import('node:child_process').ChildProcess, logFile?: string }} NatsInUse
 * @typedef {import('./postgres.mjs').OnSpawn} OnSpawn
 */

/**
 * A NATS server sends `INFO {json}` as soon as a client connects, before any auth.
 * @param {string} url nats://host:port (tls:// too: INFO comes before the TLS upgrade)
 * @param {number} [timeoutMs]
 * @returns {Promise<NatsProbe>}
 */
export function probeNats(url, timeoutMs = 1_500) {
  let host;
  let port;
  try {
    const parsed = new URL(url.includes('://') ? url : `nats://${url}`);
    host = parsed.hostname.replace(/^\[|\]$/g, '') || '127.0.0.1';
    port = Number(parsed.port || 4222);
  } catch {
    return Promise.resolve({ ok: false, error: 'not a URL' });
  }
  return new Promise((resolve) => {
    let buffer = '';
    const socket = connect({ host, port });
    const done = (/** @type {NatsProbe} */ result) => {
      socket.destroy();
      clearTimeout(timer);
      resolve(result);
    };
    const timer = setTimeout(() => done({ ok: false, error: `no INFO within ${timeoutMs} ms` }), timeoutMs);
    socket.setEncoding('utf8');
    socket.on('error', (error) =>
      done({ ok: false, error: /** @type {NodeJS.ErrnoException} */ (error).code ?? error.message }),
    );
    socket.on('data', (chunk) => {
      buffer += chunk;
      const end = buffer.indexOf('\r\n');
      if (end === -1) return;
      const line = buffer.slice(0, end);
      if (!line.startsWith('INFO ')) return done({ ok: false, error: 'not a NATS server (no INFO line)' });
      try {
        const info = JSON.parse(line.slice(5));
        done({ ok: true, jetstream: info.jetstream === true, version: info.version });
      } catch {
        done({ ok: false, error: 'unreadable INFO line' });
      }
    });
  });
}

/** @param {string} file */
function isExecutable(file) {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Finds the NATS to use (NATS_URL, then nats://127.0.0.1:4222, then a spawned nats-server).
 * @param {{ env: NodeJS.ProcessEnv, storeDir: string, logFile: string, log: (m: string) => void,
 *           onSpawn?: OnSpawn }} options
 * @returns {Promise<NatsInUse>}
 */
export async function resolveNats({ env, storeDir, logFile, log, onSpawn }) {
  const candidates = natsCandidates(env);
  /** @type {NatsProbe[]} */
  const outcomes = [];
  for (const candidate of candidates) {
    const outcome = await probeNats(candidate.url);
    outcomes.push(outcome);
    if (outcome.ok && outcome.jetstream !== false) break;
    if (outcome.ok && candidate.source === 'env') break;
  }
  const decision = decideNats(candidates, outcomes, findExecutable(env.PATH, isExecutable), env);
  decision.notes.forEach(log);
  switch (decision.use) {
    case 'external': {
      const version = outcomes[candidates.indexOf(decision.candidate)]?.version;
      return {
        url: env.NATS_URL && decision.candidate.source === 'env' ? env.NATS_URL : decision.candidate.url,
        label: `${decision.candidate.label}${version ? `, nats-server ${version}` : ''}`,
        stop: async () => undefined,
      };
    }
    case 'spawn':
      return spawnNatsServer({ bin: decision.bin, storeDir, logFile, onSpawn });
    case 'fail':
      throw new Error(decision.message);
  }
}

/**
 * Runs `nats-server -js` on a free loopback port with its store in `storeDir`, waits until it
 * answers with JetStream.
 * @param {{ bin: string, storeDir: string, logFile: string,
 *           onSpawn?: OnSpawn }} options
 * @returns {Promise<NatsInUse>}
 */
export async function spawnNatsServer({ bin, storeDir, logFile, onSpawn }) {
  mkdirSync(storeDir, { recursive: true });
  const port = await freePort();
  const url = `nats://127.0.0.1:${port}`;
  const out = openSync(freshLog(logFile), 'w');
  const child = spawn(bin, ['-js', '-a', '127.0.0.1', '-p', String(port), '-sd', storeDir], {
    stdio: ['ignore', out, out],
    detached: true,
  });
  closeSync(out);
  const stop = async () => {
    await terminate(child, { signal: 'SIGTERM', timeoutMs: 10_000 });
  };
  onSpawn?.(child, stop);
  const deadline = Date.now() + 15_000;
  let spawnError = '';
  child.once('error', (error) => (spawnError = error.message));
  for (;;) {
    if (spawnError || hasExited(child)) {
      throw new Error(
        `nats-server (${bin}) did not start${spawnError ? `: ${spawnError}` : ` (exit ${child.exitCode ?? child.signalCode})`}; see ${shown(logFile)}:${logTail(logFile)}`,
      );
    }
    const probe = await probeNats(url, 500);
    if (probe.ok) break;
    if (Date.now() > deadline) {
      await stop();
      throw new Error(
        `nats-server did not answer on ${url} within 15 s; see ${shown(logFile)}:${logTail(logFile)}`,
      );
    }
    await sleep(100);
  }
  return {
    url,
    label: `nats-server started by npm start (${bin}), JetStream store in ${shown(storeDir)}`,
    stop,
    child,
    logFile,
  };
}
