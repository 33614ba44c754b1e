import { DomainError } from '@complaints/domain';
import { executeSql } from '@complaints/persistence';
import { canonicalJson } from '@complaints/policy';
import { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { IDEMPOTENCY_TTL_HOURS } from './idempotency-ttl';

/** The same key was sent with another request: the IETF draft's 422. */
export class IdempotencyKeyReusedError extends DomainError {
  constructor() {
    super('invalid', 'this Idempotency-Key was already used with a different request', [
      { field: 'Idempotency-Key', message: 'was used with a different request; use a new key for a new request' },
    ]);
  }
}

/** The original request is still running: the draft's 409. */
export class IdempotencyKeyInFlightError extends DomainError {
  constructor() {
    super('conflict', 'a request with this Idempotency-Key is still being processed; retry shortly', [
      { field: 'Idempotency-Key', message: 'is in use by a request still in flight' },
    ]);
  }
}

const IN_FLIGHT_WAIT_MS = 3000;
const LOCK_NOT_AVAILABLE = '55P03';

/** The fingerprint of a request: what it does and its body, whatever the body's key order. */
export function hashRequest(operation: string, body: unknown): string {
  return createHash('sha256').update(canonicalJson({ operation, body }), 'utf8').digest('hex');
}

export type IdempotencyClaim = { readonly kind: 'new' } | { readonly kind: 'replay'; readonly response: unknown };

interface KeyRow {
  request_hash: string;
  response: unknown;
}

/**
 * Idempotency keys per client, kept at least 24 h. `claim` runs first in the command's
 * transaction: the insert of a key already claimed by a transaction in flight waits for
 * that transaction, then sees its row, so a concurrent duplicate returns the original
 * outcome instead of running twice. If the first transaction rolls back, the key is free.
 */
@Injectable()
export class IdempotencyStore {
  constructor(@Inject(IDEMPOTENCY_TTL_HOURS) private readonly ttlHours: number) {}

  async claim(tx: EntityManager, request: { scope: string; key: string; requestHash: string }): Promise<IdempotencyClaim> {
    if (!tx.isInTransaction()) throw new Error('an idempotency key is claimed inside the transaction of the change it guards');
    // A duplicate waits for the original's transaction, but not for long: a request stuck
    // behind a slow original is told to retry (409) instead of holding a connection.
    await executeSql(tx, `set local lock_timeout = '${IN_FLIGHT_WAIT_MS}ms'`);
    let rows: KeyRow[];
    try {
      rows = await this.insertOrTakeOverExpired(tx, request);
    } catch (error) {
      if ((error as { code?: string }).code === LOCK_NOT_AVAILABLE) throw new IdempotencyKeyInFlightError();
      throw error;
    }
    await executeSql(tx, 'set local lock_timeout = 0');
    if (rows.length === 1) return { kind: 'new' };
    const [existing] = await executeSql<KeyRow>(
      tx,
      'select request_hash, response from intake.idempotency_keys where scope = ? and key = ?',
      [request.scope, request.key],
    );
    if (existing.request_hash !== request.requestHash) throw new IdempotencyKeyReusedError();
    return { kind: 'replay', response: existing.response };
  }

  /** An expired key is as good as absent: the upsert takes it over. */
  private insertOrTakeOverExpired(tx: EntityManager, request: { scope: string; key: string; requestHash: string }): Promise<KeyRow[]> {
    return executeSql<KeyRow>(
      tx,
      `insert into intake.idempotency_keys (scope, key, request_hash, expires_at)
       values (?, ?, ?, clock_timestamp() + make_interval(hours => ?))
       on conflict (scope, key) do update
         set request_hash = excluded.request_hash, response = null, created_at = clock_timestamp(), expires_at = excluded.expires_at
         where intake.idempotency_keys.expires_at < clock_timestamp()
       returning request_hash, response`,
      [request.scope, request.key, request.requestHash, this.ttlHours],
    );
  }

  async complete(tx: EntityManager, id: { scope: string; key: string }, response: unknown): Promise<void> {
    await executeSql(tx, 'update intake.idempotency_keys set response = ?::jsonb where scope = ? and key = ?', [
      JSON.stringify(response),
      id.scope,
      id.key,
    ]);
  }

  /** Deletes expired keys; returns how many. */
  async purgeExpired(em: EntityManager): Promise<number> {
    const rows = await executeSql(em, 'delete from intake.idempotency_keys where expires_at < clock_timestamp() returning key');
    return rows.length;
  }
}
