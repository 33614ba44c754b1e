/**
 * Addresses whose path holds a secret: a survey link's token is the customer's authority to
 * answer, so it must not reach a log line or a span (ADR 0080).
 */
const SECRET_PATH_SEGMENTS = /^((?:[a-z]+:\/\/[^/]+)?\/surveys\/)[^/?#]+/i;

/** The address (a path, or a whole URL) with its secret segment replaced by the route's parameter name. */
export function redactSecretPath(url: string): string {
  return url.replace(SECRET_PATH_SEGMENTS, '$1:token');
}

/** The span attributes the HTTP instrumentation fills from the request's address, in either semantic convention. */
export const URL_ATTRIBUTES = ['http.target', 'http.url', 'url.path', 'url.full'] as const;
