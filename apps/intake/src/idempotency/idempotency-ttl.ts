/** Injection token: hours an idempotency key is kept (IDEMPOTENCY_TTL_HOURS, at least 24). */
export const IDEMPOTENCY_TTL_HOURS = Symbol('IDEMPOTENCY_TTL_HOURS');
