import { Telemetry } from '@complaints/telemetry';
import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Server, createServer } from 'node:http';
import { AddressInfo } from 'node:net';
import { Logger } from 'pino';
import { SERVICE_LOGGER, TELEMETRY } from './tokens';

/** Where the metrics server listens: `METRICS_PORT` (0 picks a free port, for tests). */
export const METRICS_PORT = Symbol('METRICS_PORT');

/**
 * Prometheus `/metrics` on a port of its own, never on the service's public port: the
 * gateway's port faces clients, and what the metrics tell (volumes, backlogs, consumer
 * names) is for the operator's scraper only. Bound where the deployment says (METRICS_PORT).
 */
@Injectable()
export class MetricsServer implements OnApplicationBootstrap, OnApplicationShutdown {
  private server: Server | undefined;

  constructor(
    @Inject(TELEMETRY) private readonly telemetry: Telemetry,
    @Inject(METRICS_PORT) private readonly port: number,
    @Inject(SERVICE_LOGGER) private readonly logger: Logger,
  ) {}

  /** The port it listens on, once started. */
  get boundPort(): number | undefined {
    return (this.server?.address() as AddressInfo | null)?.port;
  }

  async onApplicationBootstrap(): Promise<void> {
    const server = createServer((request, response) => {
      if (request.method === 'GET' && request.url?.split('?')[0] === '/metrics') {
        this.telemetry.prometheus.getMetricsRequestHandler(request, response);
        return;
      }
      response.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found\n');
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '0.0.0.0', resolve);
    });
    this.server = server;
    this.logger.info({ port: this.boundPort }, 'metrics served on their own port');
  }

  async onApplicationShutdown(): Promise<void> {
    const { server } = this;
    if (!server) return;
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
