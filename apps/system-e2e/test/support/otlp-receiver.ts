import { AddressInfo } from 'node:net';
import { Server, createServer } from 'node:http';

export interface ReceivedSpan {
  readonly serviceName: string;
  readonly traceId: string;
  readonly name: string;
  readonly attributes: Record<string, unknown>;
}

interface OtlpAttribute {
  key: string;
  value: Record<string, unknown>;
}

function attributes(list: OtlpAttribute[] | undefined): Record<string, unknown> {
  return Object.fromEntries((list ?? []).map((a) => [a.key, Object.values(a.value)[0]]));
}

/** A real OTLP/HTTP (JSON) trace receiver: the services export to it exactly as they would to a collector. */
export class OtlpReceiver {
  readonly spans: ReceivedSpan[] = [];
  private server: Server | undefined;

  async start(): Promise<string> {
    this.server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        if (request.url === '/v1/traces') this.collect(JSON.parse(Buffer.concat(chunks).toString('utf8')));
        response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server?.address() as AddressInfo).port}`;
  }

  stop(): Promise<void> {
    this.server?.closeAllConnections();
    return new Promise((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private collect(body: { resourceSpans?: { resource?: { attributes?: OtlpAttribute[] }; scopeSpans?: { spans?: { traceId: string; name: string; attributes?: OtlpAttribute[] }[] }[] }[] }): void {
    for (const resourceSpan of body.resourceSpans ?? []) {
      const serviceName = String(attributes(resourceSpan.resource?.attributes)['service.name']);
      for (const scope of resourceSpan.scopeSpans ?? []) {
        for (const span of scope.spans ?? []) {
          this.spans.push({ serviceName, traceId: span.traceId, name: span.name, attributes: attributes(span.attributes) });
        }
      }
    }
  }
}
