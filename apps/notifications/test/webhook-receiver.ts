import { IncomingHttpHeaders, Server, createServer } from 'node:http';
import { AddressInfo } from 'node:net';

/** One POST as the receiver got it: the raw body, exactly as signed. */
export interface ReceivedWebhook {
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  readonly rawBody: string;
  /** What the receiver answered. */
  readonly status: number;
}

/** In a path's script: keep the request open without answering, as a hung endpoint does. */
export const NO_ANSWER = 0;

/**
 * A real HTTP endpoint in the test process. Each path answers the statuses it was told, in
 * order, then 204 for good; everything it got is kept for the test to verify.
 */
export class WebhookReceiver {
  readonly received: ReceivedWebhook[] = [];
  private readonly scripts = new Map<string, number[]>();
  private server: Server | undefined;
  private port = 0;

  async start(): Promise<void> {
    this.server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const path = request.url ?? '/';
        const status = this.scripts.get(path)?.shift() ?? 204;
        this.received.push({ path, headers: request.headers, rawBody: Buffer.concat(chunks).toString('utf8'), status });
        if (status !== NO_ANSWER) response.writeHead(status).end();
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.port = (this.server?.address() as AddressInfo).port;
  }

  /** The URL of a path on this receiver, whose first answers are `statuses`. */
  url(path: string, statuses: number[] = []): string {
    this.scripts.set(path, [...statuses]);
    return `http://127.0.0.1:${this.port}${path}`;
  }

  at(path: string): ReceivedWebhook[] {
    return this.received.filter((webhook) => webhook.path === path);
  }

  stop(): Promise<void> {
    this.server?.closeAllConnections();
    return new Promise((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
