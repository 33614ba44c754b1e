// The supervisor and readiness wait, with small stand-in services (real processes).

import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { NotReadyError, waitUntilReady } from './health.mjs';
import { freePort } from './ports.mjs';
import { startServices, unbuilt } from './services.mjs';

const dir = mkdtempSync(join(tmpdir(), 'dev-runner-test-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** A service: pino-style lines, /health/ready 200 after 200 ms, exits 0 on SIGTERM. */
const GOOD = `
const http = require('node:http');
const log = (level, msg) => console.log(JSON.stringify({ level, msg }));
const started = Date.now();
http.createServer((req, res) => {
  res.statusCode = req.url === '/health/ready' && Date.now() - started > 200 ? 200 : 503;
  res.end('{}');
}).listen(Number(process.env.PORT), '127.0.0.1', () => {
  log(30, 'ready on ' + process.env.PORT);
  log(40, 'no SMTP server, using a stub');
});
process.on('SIGTERM', () => { log(30, 'bye'); process.exit(0); });
`;
const CRASH = `console.error('Error: DATABASE_URL: is required'); process.exit(3);`;
const STUBBORN = `process.on('SIGTERM', () => {}); setInterval(() => {}, 1000); console.log('{"level":30,"msg":"up"}');`;

/** @param {string} name @param {string} code */
function script(name, code) {
  const file = join(dir, `${name}.cjs`);
  writeFileSync(file, code);
  return file;
}

/** @param {string} name @param {string} entry @param {number} port */
const spec = (name, entry, port) => ({ name, entry, port, env: { ...process.env, PORT: String(port) } });

function collect() {
  /** @type {string[]} */
  const printed = [];
  /** @type {{ name: string, how: string, tail: string[] }[]} */
  const exits = [];
  return {
    printed,
    exits,
    options: {
      logsDir: join(dir, 'logs'),
      cwd: dir,
      print: (/** @type {string} */ name, /** @type {string} */ text) => printed.push(`${name}: ${text}`),
      onUnexpectedExit: (/** @type {import('./services.mjs').Running} */ s, /** @type {string} */ how) =>
        exits.push({ name: s.spec.name, how, tail: s.tail.all() }),
    },
  };
}

describe('startServices', () => {
  it('starts services, waits until ready, logs everything to files, echoes warnings, stops them', async () => {
    const specs = [
      spec('alpha', script('good', GOOD), await freePort()),
      spec('beta', script('good', GOOD), await freePort()),
    ];
    const { printed, exits, options } = collect();
    const supervisor = startServices(specs, options);
    /** @type {string[]} */
    const ready = [];
    await waitUntilReady(specs, { timeoutMs: 10_000, intervalMs: 50, onReady: (s) => ready.push(s.name) });
    assert.deepEqual(ready.sort(), ['alpha', 'beta']);
    assert.deepEqual(await supervisor.stopAll(5_000), []);
    assert.deepEqual(exits, [], 'a requested stop is not reported as a crash');
    assert.deepEqual(printed.sort(), [
      'alpha: WARN no SMTP server, using a stub',
      'beta: WARN no SMTP server, using a stub',
    ]);
    const log = readFileSync(join(dir, 'logs', 'alpha.log'), 'utf8');
    assert.match(log, /"msg":"ready on \d+"/);
    assert.match(log, /"msg":"bye"/);
  });

  it('reports a service that exits by itself, with its last lines', async () => {
    const { exits, options } = collect();
    startServices([spec('gamma', script('crash', CRASH), await freePort())], options);
    const deadline = Date.now() + 5_000;
    while (exits.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    assert.deepEqual(exits, [
      { name: 'gamma', how: 'exited with code 3', tail: ['Error: DATABASE_URL: is required'] },
    ]);
  });

  it('kills a service that ignores SIGTERM once the time is up', async () => {
    const { options } = collect();
    const supervisor = startServices(
      [spec('delta', script('stubborn', STUBBORN), await freePort())],
      options,
    );
    await new Promise((r) => setTimeout(r, 300));
    assert.deepEqual(await supervisor.stopAll(300), ['delta']);
  });
});

describe('waitUntilReady', () => {
  it('names the services that never became ready and what they last answered', async () => {
    const port = await freePort();
    await assert.rejects(
      waitUntilReady([{ name: 'nobody', port }], { timeoutMs: 200, intervalMs: 50 }),
      (/** @type {NotReadyError} */ error) => {
        assert.ok(error instanceof NotReadyError);
        assert.equal(error.services[0].name, 'nobody');
        assert.match(error.services[0].last, /ECONNREFUSED/);
        return true;
      },
    );
  });

  it('stops waiting when aborted', async () => {
    const controller = new AbortController();
    const waiting = waitUntilReady([{ name: 'nobody', port: await freePort() }], {
      intervalMs: 50,
      signal: controller.signal,
    });
    controller.abort(new Error('a service died'));
    await assert.rejects(waiting, /a service died/);
  });
});

describe('unbuilt', () => {
  it('lists services whose entry file is missing', () => {
    const present = script('present', '');
    assert.deepEqual(
      unbuilt([spec('a', present, 1), spec('b', join(dir, 'missing.js'), 2)]).map((s) => s.name),
      ['b'],
    );
  });
});
