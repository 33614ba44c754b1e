/** Socket errors: the database or the bus is unreachable for now. */
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN']);

/**
 * PostgreSQL SQLSTATEs that a later attempt can succeed past: connection failures (class 08),
 * a server shutting down or starting up (57P01–57P03), too many connections, and the
 * conflicts between transactions that the server resolves by aborting one of them.
 */
const TRANSIENT_SQLSTATES = new Set(['57P01', '57P02', '57P03', '53300', '40001', '40P01', '55P03']);

/** Failures the pg client reports without a code when the server goes away mid-query. */
const DROPPED_CONNECTION = /Connection terminated|connection timeout|timeout exceeded when trying to connect|Client has encountered a connection error/i;

/**
 * Whether a failure is the environment's (a database failover, a restarting NATS), which
 * passes on its own, rather than the event's: such failures are retried for as long as they
 * last, while an event that keeps failing otherwise goes to the dead letters.
 */
export function isTransientFailure(error: unknown): boolean {
  for (let cause = error, depth = 0; cause instanceof Error && depth < 5; cause = cause.cause, depth += 1) {
    const code = (cause as { code?: unknown }).code;
    if (typeof code === 'string' && (NETWORK_CODES.has(code) || TRANSIENT_SQLSTATES.has(code) || code.startsWith('08'))) return true;
    if (DROPPED_CONNECTION.test(cause.message)) return true;
  }
  return false;
}
