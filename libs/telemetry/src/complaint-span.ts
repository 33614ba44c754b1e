import { Attributes, Context, Link, Span, SpanKind, SpanStatusCode, context, trace } from '@opentelemetry/api';

/** Span attribute names that let an SRE find every span of one complaint. */
export const COMPLAINT_ATTRIBUTES = {
  id: 'complaint.id',
  reference: 'complaint.reference',
  policyId: 'policy.id',
  eventType: 'event.type',
  eventId: 'event.id',
} as const;

export interface SpanOptions {
  readonly kind?: SpanKind;
  readonly attributes?: Attributes;
  /** Parent context; defaults to the active one. */
  readonly parent?: Context;
  /** For work that happens long after the complaint's request: link, don't parent. */
  readonly links?: Link[];
}

/**
 * Runs `work` inside a new span that is ended (and marked failed on a throw) whatever happens.
 */
export async function withSpan<T>(
  tracerName: string,
  name: string,
  options: SpanOptions,
  work: (span: Span) => Promise<T>,
): Promise<T> {
  const tracer = trace.getTracer(tracerName);
  const parent = options.parent ?? context.active();
  return tracer.startActiveSpan(
    name,
    { kind: options.kind ?? SpanKind.INTERNAL, attributes: options.attributes, links: options.links },
    parent,
    async (span) => {
      try {
        return await work(span);
      } catch (error) {
        span.recordException(error as Error);
        span.setStatus({ code: SpanStatusCode.ERROR, message: (error as Error).message });
        throw error;
      } finally {
        span.end();
      }
    },
  );
}
