// probeNats against stand-in TCP servers: what a NATS server says first decides.

import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { describe, it } from 'node:test';
import { probeNats } from './nats.mjs';
import { freePort } from './ports.mjs';

/**
 * Runs `body` against a TCP server that greets every client with `greeting`.
 * @param {string} greeting
 * @param {(url: string) => Promise<void>} body
 */
async function withServer(greeting, body) {
  const server = createServer((socket) => socket.end(greeting));
  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
  const address = server.address();
  try {
    await body(`nats://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`);
  } finally {
    server.close();
  }
}

describe('probeNats', () => {
  it('reads JetStream and the version from the INFO line', async () => {
    await withServer('INFO {"version":"2.9.10","jetstream":true}\r\n', async (url) => {
      assert.deepEqual(await probeNats(url), { ok: true, jetstream: true, version: '2.9.10' });
    });
  });

  it('sees a server without JetStream', async () => {
    await withServer('INFO {"version":"2.9.10"}\r\n', async (url) => {
      assert.equal((await probeNats(url)).jetstream, false);
    });
  });

  it('rejects something that is not NATS', async () => {
    await withServer('+OK redis\r\n', async (url) => {
      assert.deepEqual(await probeNats(url), { ok: false, error: 'not a NATS server (no INFO line)' });
    });
  });

  it('reports a closed port', async () => {
    assert.deepEqual(await probeNats(`nats://127.0.0.1:${await freePort()}`), {
      ok: false,
      error: 'ECONNREFUSED',
    });
  });
});
