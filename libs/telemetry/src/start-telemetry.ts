import { getNodeAutoInstrumentations } from '@opentelemetry/auto-instrumentations-node';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { PrometheusExporter } from '@opentelemetry/exporter-prometheus';
import { NodeSDK } from '@opentelemetry/sdk-node';
import { BatchSpanProcessor, SpanExporter, SpanProcessor } from '@opentelemetry/sdk-trace';
import { RedactingSpanProcessor } from './redacting-span-processor';

export interface TelemetryOptions {
  readonly serviceName: string;
  /** OTLP/HTTP base URL (e.g. http://otel-collector:4318); traces are not exported when absent. */
  readonly otlpEndpoint?: string;
  /** Extra exporter, e.g. an in-memory one in tests. */
  readonly spanExporter?: SpanExporter;
}

export interface Telemetry {
  /** Serves `/metrics` in the Prometheus text format from the service's own HTTP port. */
  readonly prometheus: PrometheusExporter;
  shutdown(): Promise<void>;
}

/**
 * Starts OpenTelemetry. Call it before NestJS (or anything it instruments) is loaded:
 * instrumentations patch modules when they are first required.
 */
export function startTelemetry(options: TelemetryOptions): Telemetry {
  const exporters: SpanExporter[] = [];
  if (options.otlpEndpoint) {
    exporters.push(new OTLPTraceExporter({ url: `${options.otlpEndpoint.replace(/\/$/, '')}/v1/traces` }));
  }
  if (options.spanExporter) exporters.push(options.spanExporter);
  // Secrets leave each span before any exporter reads it: the redactor comes first.
  const spanProcessors: SpanProcessor[] = [
    new RedactingSpanProcessor(),
    ...exporters.map((exporter) => new BatchSpanProcessor({ exporter })),
  ];

  const prometheus = new PrometheusExporter({ preventServerStart: true });
  const sdk = new NodeSDK({
    serviceName: options.serviceName,
    spanProcessors,
    metricReaders: [prometheus],
    instrumentations: [
      getNodeAutoInstrumentations({
        // File-system and DNS spans drown the complaint's own spans without helping anyone.
        '@opentelemetry/instrumentation-fs': { enabled: false },
        '@opentelemetry/instrumentation-dns': { enabled: false },
        '@opentelemetry/instrumentation-net': { enabled: false },
        // Health probes every few seconds are noise in a complaint's trace view.
        '@opentelemetry/instrumentation-http': {
          ignoreIncomingRequestHook: (request) => /^\/(health|metrics)/.test(request.url ?? ''),
        },
      }),
    ],
  });
  sdk.start();
  return {
    prometheus,
    shutdown: () => sdk.shutdown(),
  };
}
