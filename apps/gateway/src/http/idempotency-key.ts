import { ProblemError } from '../problems/problem-error';

export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key';

/**
 * The `Idempotency-Key` header (IETF httpapi draft): a Structured Field string, so
 * `"8e03978e-40d5-43e8-bc93-6894a57f9324"`; the bare form without quotes is accepted too.
 * Returns undefined when absent and not required.
 */
export function parseIdempotencyKey(header: string | string[] | undefined, required: boolean): string | undefined {
  if (header === undefined || header === '') {
    if (!required) return undefined;
    throw invalid(`${IDEMPOTENCY_KEY_HEADER} is required: a retried request with the same key is applied once`, 'is required');
  }
  if (Array.isArray(header)) throw invalid(`send one ${IDEMPOTENCY_KEY_HEADER} header`, 'must be sent once');
  const quoted = /^"(.*)"$/.exec(header);
  const key = quoted ? quoted[1] : header;
  if (!/^[\x20-\x7e]{1,255}$/.test(key) || (quoted && /["\\]/.test(key))) {
    throw invalid(`the ${IDEMPOTENCY_KEY_HEADER} header is not valid`, 'must be 1-255 printable ASCII characters, e.g. a UUID');
  }
  return key;
}

function invalid(detail: string, message: string): ProblemError {
  return new ProblemError(400, 'validation-error', 'Invalid request', detail, [{ field: IDEMPOTENCY_KEY_HEADER, message }]);
}
