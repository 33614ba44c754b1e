import { Context } from '@opentelemetry/api';
import { ReadableSpan, Span, SpanProcessor } from '@opentelemetry/sdk-trace';
import { redactSecretPath } from './secret-paths';

/**
 * Takes secrets out of a finished span before any exporter sees it: every string attribute
 * that is an address with a secret path segment (a survey link's token) keeps the route
 * instead. Instrumentations record the address under several names (the HTTP server's
 * `url.path`/`http.target`, NestJS's `http.url`, Express's), so the span is cleaned as a
 * whole rather than attribute by attribute at each source. It must come before the
 * exporting processors.
 */
export class RedactingSpanProcessor implements SpanProcessor {
  onStart(_span: Span, _parentContext: Context): void {
    // Nothing is known yet: instrumentations add the address after the span starts.
  }

  onEnd(span: ReadableSpan): void {
    // A finished span takes no more setAttribute calls; its attribute record is still the one exporters read.
    const attributes = span.attributes as Record<string, unknown>;
    for (const [name, value] of Object.entries(attributes)) {
      if (typeof value === 'string') {
        const redacted = redactSecretPath(value);
        if (redacted !== value) attributes[name] = redacted;
      }
    }
  }

  forceFlush(): Promise<void> {
    return Promise.resolve();
  }

  shutdown(): Promise<void> {
    return Promise.resolve();
  }
}
