import { waitFor } from '@complaints/testing';
import { ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../test/support/running-system';

/** The nats-server binary: `NATS_SERVER_BIN`, else Debian's, else the one on the PATH. */
const NATS_SERVER_BIN =
  process.env['NATS_SERVER_BIN'] ?? (existsSync('/usr/sbin/nats-server') ? '/usr/sbin/nats-server' : 'nats-server');

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port }, () => {
      socket.destroy();
      resolve(true);
    });
    socket.on('error', () => resolve(false));
  });
}

/**
 * A NATS server with JetStream of the fault suite's own, on loopback, which a scenario may stop
 * and start again (same port, same store) without touching the machine's shared server.
 */
export class PrivateNatsServer {
  private process: ChildProcess | undefined;
  private output = '';

  private constructor(
    private readonly port: number,
    private readonly storeDir: string,
  ) {}

  static async start(): Promise<PrivateNatsServer> {
    const server = new PrivateNatsServer(await freePort(), await mkdtemp(join(tmpdir(), 'faults-nats-')));
    await server.resume();
    return server;
  }

  get url(): string {
    return `nats://127.0.0.1:${this.port}`;
  }

  /** Starts the server again on its port and store, and waits until it accepts connections. */
  async resume(): Promise<void> {
    const child = spawn(NATS_SERVER_BIN, ['-a', '127.0.0.1', '-p', String(this.port), '-js', '-sd', this.storeDir], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    this.process = child;
    await waitFor(
      'the private NATS server to accept connections',
      async () => {
        if (child.exitCode !== null) throw new Error(`nats-server exited: ${this.output.slice(-2000)}`);
        return accepts(this.port);
      },
      20_000,
      100,
    );
  }

  /** Stops the server (SIGTERM, as an orchestrator would); its store stays for `resume`. */
  async halt(): Promise<void> {
    const child = this.process;
    this.process = undefined;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = once(child, 'exit');
    child.kill('SIGTERM');
    await exited;
  }

  /** Stops the server and deletes its store. */
  async dispose(): Promise<void> {
    await this.halt();
    await rm(this.storeDir, { recursive: true, force: true });
  }
}
