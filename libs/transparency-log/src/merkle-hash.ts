import { createHash } from 'node:crypto';
import { MalformedInputError } from './transparency-log-errors';

/** Every hash in the tree is SHA-256 (RFC 9162 §2.1.1). */
export const HASH_SIZE = 32;

// RFC 9162 §2.1.1 prefixes leaves and interior nodes differently, so that no leaf can be
// presented as an interior node (second-preimage resistance).
const LEAF_PREFIX = Uint8Array.of(0x00);
const NODE_PREFIX = Uint8Array.of(0x01);

/** MTH({}): the root of the empty tree, SHA-256 of no bytes. */
export const EMPTY_TREE_ROOT: Uint8Array = Uint8Array.from(createHash('sha256').digest());

/** MTH({d}) = SHA-256(0x00 ‖ d), the hash a leaf contributes to the tree. */
export function leafHash(leaf: Uint8Array): Uint8Array {
  return Uint8Array.from(createHash('sha256').update(LEAF_PREFIX).update(leaf).digest());
}

/** SHA-256(0x01 ‖ left ‖ right), the hash of an interior node. */
export function nodeHash(left: Uint8Array, right: Uint8Array): Uint8Array {
  return Uint8Array.from(createHash('sha256').update(NODE_PREFIX).update(left).update(right).digest());
}

/** Byte equality. Every input here is public, so no constant-time comparison is needed. */
export function sameHash(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}

/** Rejects what cannot be a tree hash before it is mixed into one. */
export function assertHash(hash: Uint8Array, what: string): void {
  if (hash.length !== HASH_SIZE)
    throw new MalformedInputError(`${what} must be ${HASH_SIZE} bytes, got ${hash.length}`);
}
