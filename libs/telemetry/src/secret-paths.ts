/**
 * Addresses whose path holds a secret: a survey link's token is the customer's authority to
 * answer, so it must not reach a log line or a span (ADR 0080).
 */
const SECRET_PATH_SEGMENTS = /^((?:[a-z]+:\/\/[^/]+)?\/surveys\/)[^/?#]+/i;

/** The address (a path, or a whole URL) with its secret segment replaced by the route's parameter name. */
export function redactSecretPath(url: string): string {
  return url.replace(SECRET_PATH_SEGMENTS, '$1:token');
}
