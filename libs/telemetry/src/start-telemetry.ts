import { ExpressInstrumentation } from '@opentelemetry/instrumentation-express';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { NestInstrumentation } from '@opentelemetry/instrumentation-nestjs-core';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { PinoInstrumentation } from '@opentelemetry/instrumentation-pino';
import { RuntimeNodeInstrumentation } from '@opentelemetry/instrumentation-runtime-node';
import { UndiciInstrumentation } from '@opentelemetry/instrumentation-undici';
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
    // Only what the services use: the auto-instrumentation bundle loads some forty packages
    // (cloud SDKs, other databases, a second copy of the SDK) into every process, which cost each
    // start about a quarter of its CPU time. File-system, DNS and socket spans are left out on
    // purpose: they drown the complaint's own spans without helping anyone.
    instrumentations: [
      new HttpInstrumentation({
        // Health probes every few seconds are noise in a complaint's trace view.
        ignoreIncomingRequestHook: (request) => /^\/(health|metrics)/.test(request.url ?? ''),
      }),
      new ExpressInstrumentation(),
      new NestInstrumentation(),
      new PgInstrumentation(),
      new PinoInstrumentation(),
      new UndiciInstrumentation(),
      new RuntimeNodeInstrumentation(),
    ],
  });
  sdk.start();
  return {
    prometheus,
    shutdown: () => sdk.shutdown(),
  };
}
