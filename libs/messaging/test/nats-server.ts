import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A nats-server of the test's own, with JetStream and the given configuration, on a free loopback port. */
export interface OwnNatsServer {
  readonly url: string;
  stop(): Promise<void>;
}

const NATS_SERVER = process.env['NATS_SERVER_BIN'] ?? 'nats-server';

export async function startOwnNatsServer(config: string, env: Record<string, string>): Promise<OwnNatsServer> {
  const dir = mkdtempSync(join(tmpdir(), 'nats-perms-'));
  const port = await freePort();
  const file = join(dir, 'nats.conf');
  writeFileSync(file, `listen: 127.0.0.1:${port}\njetstream { store_dir: ${JSON.stringify(join(dir, 'js'))} }\n${config}`);
  const child = spawn(NATS_SERVER, ['-c', file], { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  child.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  await waitForReady(child, () => log);
  return {
    url: `nats://127.0.0.1:${port}`,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function waitForReady(child: ChildProcess, log: () => string): Promise<void> {
  for (let waited = 0; waited < 10_000; waited += 50) {
    if (/Server is ready/.test(log())) return;
    if (child.exitCode !== null) throw new Error(`nats-server exited: ${log()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  child.kill('SIGKILL');
  throw new Error(`nats-server not ready after 10 s: ${log()}`);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}
