import { EntityManager } from '@mikro-orm/postgresql';
import { IdempotencyStore, hashRequest } from '../idempotency/idempotency-store';

export interface IdempotentRequest {
  /** The client (API key name): keys are scoped per client. */
  readonly scope: string;
  readonly key: string | undefined;
  /** What the request does, e.g. `complaint.submit` or `complaint.resolve:<id>`: part of the request's fingerprint. */
  readonly operation: string;
  readonly body: unknown;
}

/**
 * Runs a state change at most once per idempotency key, inside the caller's transaction: the
 * key is claimed first (a concurrent request with the same key waits on it), and the result
 * is stored in the same transaction as the change. A replay returns the stored result.
 * The stored result must hold no personal data.
 */
export async function runIdempotently<T>(
  tx: EntityManager,
  store: IdempotencyStore,
  request: IdempotentRequest,
  work: () => Promise<T>,
): Promise<{ result: T; replayed: boolean }> {
  if (request.key === undefined) return { result: await work(), replayed: false };
  const id = { scope: request.scope, key: request.key };
  const claim = await store.claim(tx, { ...id, requestHash: hashRequest(request.operation, request.body) });
  if (claim.kind === 'replay') return { result: claim.response as T, replayed: true };
  const result = await work();
  await store.complete(tx, id, result);
  return { result, replayed: false };
}
