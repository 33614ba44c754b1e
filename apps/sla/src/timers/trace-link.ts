import { parseTraceParent } from '@opentelemetry/core';
import { Link } from '@opentelemetry/api';

/**
 * A link to the trace a stored `traceparent` names. Parsed directly rather than through the
 * global propagator, so the link does not depend on which propagators happen to be installed.
 */
export function linksToTrace(traceparent: string | null): Link[] {
  const spanContext = traceparent ? parseTraceParent(traceparent) : null;
  return spanContext ? [{ context: spanContext }] : [];
}
