/**
 * What one HTTP attempt at a delivery came to. `temporary` is tried again on the retry
 * schedule (the endpoint down, busy or slow); `permanent` ends the delivery (the endpoint
 * refused the message, and the same message would be refused again).
 */
export type AttemptOutcome =
  | { readonly kind: 'delivered'; readonly statusCode: number }
  | { readonly kind: 'temporary' | 'permanent'; readonly statusCode: number | null; readonly error: string };

/** 408 Request Timeout and 429 Too Many Requests say "later", like a server error. */
const RETRYABLE_CLIENT_ERRORS = [408, 429];

/** An endpoint's answer: 2xx delivered; 5xx, 408 and 429 later; any other status for good (Standard Webhooks). */
export function outcomeOfStatus(statusCode: number): AttemptOutcome {
  if (statusCode >= 200 && statusCode < 300) return { kind: 'delivered', statusCode };
  const error = `the endpoint answered HTTP ${statusCode}`;
  if (statusCode >= 500 || RETRYABLE_CLIENT_ERRORS.includes(statusCode)) return { kind: 'temporary', statusCode, error };
  return { kind: 'permanent', statusCode, error };
}
