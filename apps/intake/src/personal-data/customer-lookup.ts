import type { EncryptionKey } from '@complaints/config';
import { createHmac, hkdfSync } from 'node:crypto';

/**
 * A keyed hash of a customer's email address (a "blind index"): enough to find a customer's
 * complaints for an export or an erasure, useless to anyone without the key. One hashing key
 * is derived from each PII_ENCRYPTION_KEYS key, so a lookup still finds complaints hashed
 * under a key that was rotated out of first place.
 */
export class CustomerLookup {
  private readonly keys: readonly Buffer[];

  constructor(ring: readonly EncryptionKey[]) {
    this.keys = ring.map((key) => Buffer.from(hkdfSync('sha256', key.secret.export(), Buffer.alloc(0), 'customer-lookup', 32)));
  }

  /** The hash stored with a new complaint, under the ring's first key. */
  of(email: string): Buffer {
    return hash(this.keys[0] as Buffer, email);
  }

  /** Every hash the address may have been stored under. */
  candidates(email: string): Buffer[] {
    return this.keys.map((key) => hash(key, email));
  }
}

/** Addresses differ in case and surrounding space only in how people type them. */
function hash(key: Buffer, email: string): Buffer {
  return createHmac('sha256', key).update(email.trim().toLowerCase(), 'utf8').digest();
}
