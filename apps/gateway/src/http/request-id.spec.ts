import { startTelemetry } from '@complaints/telemetry';
import { context, trace } from '@opentelemetry/api';
import { RPCType, setRPCMetadata } from '@opentelemetry/core';
import { InMemorySpanExporter } from '@opentelemetry/sdk-trace';
import type { Request, Response } from 'express';
import { REQUEST_ID_SPAN_ATTRIBUTE, assignRequestId } from './request-id';

/** Keeps what it received when the SDK shuts it down, which is when the batch is flushed. */
class KeptSpans extends InMemorySpanExporter {
  override shutdown(): Promise<void> {
    return Promise.resolve();
  }
}

describe(assignRequestId.name, () => {
  it('sets the id on the HTTP server span, not on the middleware span that is active around it', async () => {
    const spans = new KeptSpans();
    const telemetry = startTelemetry({ serviceName: 'gateway', spanExporter: spans });
    const tracer = trace.getTracer('test');
    const request = { headers: { 'x-request-id': 'req-1' } } as unknown as Request;
    const response = { setHeader: jest.fn() } as unknown as Response;

    // What the http and express instrumentations set up before a middleware runs.
    const serverSpan = tracer.startSpan('GET /v1/complaints');
    const serverContext = setRPCMetadata(trace.setSpan(context.active(), serverSpan), {
      type: RPCType.HTTP,
      span: serverSpan,
    });
    const middlewareSpan = tracer.startSpan('middleware - assignRequestId', {}, serverContext);
    context.with(trace.setSpan(serverContext, middlewareSpan), () =>
      assignRequestId(request, response, () => undefined),
    );
    middlewareSpan.end();
    serverSpan.end();
    await telemetry.shutdown();

    const attributesOf = (name: string) =>
      spans.getFinishedSpans().find((span) => span.name === name)?.attributes;
    expect(attributesOf('GET /v1/complaints')).toEqual({ [REQUEST_ID_SPAN_ATTRIBUTE]: 'req-1' });
    expect(attributesOf('middleware - assignRequestId')).toEqual({});
    expect(response.setHeader).toHaveBeenCalledWith('X-Request-Id', 'req-1');
  });
});
