import { once } from 'node:events';
import { AddressInfo, Server, Socket, createConnection, createServer } from 'node:net';

interface Connection {
  readonly client: Socket;
  readonly upstream: Socket;
}

export interface ProxyTarget {
  readonly host: string;
  readonly port: number;
}

/**
 * A loopback TCP proxy that services reach PostgreSQL or NATS through, so a test can slow,
 * cut or reset their connections without touching the machine's shared servers. Bytes pass
 * unchanged; only when and whether they pass is the test's to decide.
 */
export class TcpFaultProxy {
  private readonly connections = new Set<Connection>();
  private latencyMs = 0;
  private refusing = false;
  /** Connections the proxy reset, cut or refused, for the scenario's report. */
  private faults = 0;

  private constructor(
    private readonly server: Server,
    private readonly target: ProxyTarget,
  ) {
    server.on('connection', (client) => this.accept(client));
  }

  static async start(target: ProxyTarget): Promise<TcpFaultProxy> {
    const server = createServer({ noDelay: true });
    const proxy = new TcpFaultProxy(server, target);
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    return proxy;
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  /** The connections reset, cut or refused so far. */
  get faultsInjected(): number {
    return this.faults;
  }

  /** The connections passing through now. */
  get openConnections(): number {
    return this.connections.size;
  }

  /** The same URL, leading to the proxy instead of the server. */
  route(url: string): string {
    const routed = new URL(url);
    routed.hostname = '127.0.0.1';
    routed.port = String(this.port);
    return routed.toString();
  }

  /** Delays every chunk by `ms` in both directions from now on (0 removes the delay). */
  setLatency(ms: number): void {
    this.latencyMs = ms;
  }

  /** Resets every open connection (a server crash, as the clients see it). */
  cutAll(): void {
    for (const connection of [...this.connections]) this.reset(connection);
  }

  /** Resets each open connection with the given probability; returns how many it reset. */
  resetFraction(fraction: number, random: () => number = Math.random): number {
    const chosen = [...this.connections].filter(() => random() < fraction);
    for (const connection of chosen) this.reset(connection);
    return chosen.length;
  }

  /**
   * The server unreachable for `ms`: every connection reset at once and every new one reset as
   * it arrives, until the outage ends (when the promise resolves).
   */
  async outage(ms: number): Promise<void> {
    this.refusing = true;
    this.cutAll();
    await new Promise((resolve) => setTimeout(resolve, ms));
    this.refusing = false;
  }

  async stop(): Promise<void> {
    this.cutAll();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private accept(client: Socket): void {
    if (this.refusing) {
      this.faults += 1;
      client.resetAndDestroy();
      return;
    }
    const upstream = createConnection({ host: this.target.host, port: this.target.port, noDelay: true });
    const connection = { client, upstream };
    this.connections.add(connection);
    this.pipe(client, upstream);
    this.pipe(upstream, client);
    const forget = () => {
      this.connections.delete(connection);
      client.destroy();
      upstream.destroy();
    };
    for (const socket of [client, upstream]) {
      socket.on('close', forget);
      // A reset is what the test asked for; the other side learns of it through 'close'.
      socket.on('error', forget);
    }
  }

  /** Forwards chunks (and the end) in order, each no earlier than the latency set when it arrived. */
  private pipe(from: Socket, to: Socket): void {
    let lastRelease = 0;
    const forward = (step: () => void) => {
      const now = Date.now();
      if (this.latencyMs === 0 && lastRelease <= now) return step();
      lastRelease = Math.max(lastRelease, now + this.latencyMs);
      setTimeout(() => to.writable && step(), lastRelease - now);
    };
    from.on('data', (chunk: Buffer) => forward(() => to.write(chunk)));
    from.on('end', () => forward(() => to.end()));
  }

  private reset(connection: Connection): void {
    this.faults += 1;
    this.connections.delete(connection);
    connection.client.resetAndDestroy();
    connection.upstream.resetAndDestroy();
  }
}
