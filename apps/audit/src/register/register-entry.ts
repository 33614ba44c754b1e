import { Actor, Envelope } from '@complaints/contracts';
import { canonicalJson } from '@complaints/policy';
import { createHash } from 'node:crypto';

/** A SHA-256 hash in lowercase hex, as entries hold them. */
export type HexHash = string;

/** What precedes the first entry: 32 zero bytes. */
export const GENESIS_HASH: HexHash = '0'.repeat(64);

/**
 * One event as the register recorded it (ADR 0061). Every field but `hash` is hashed, so
 * none can change without breaking the chain; the payload is kept apart and only its digest
 * is chained, so it can be purged later while the chain still verifies.
 */
export interface RegisterEntry {
  /** 0-based position in the register, and the entry's leaf index in the Merkle tree. */
  readonly seq: number;
  readonly eventId: string;
  readonly type: string;
  readonly version: number;
  /** ISO 8601 in UTC with milliseconds, so the stored instant renders back to the same text. */
  readonly occurredAt: string;
  readonly recordedAt: string;
  readonly complaintId: string | null;
  readonly reference: string | null;
  readonly policyId: string | null;
  readonly actor: Actor;
  readonly payloadDigest: HexHash;
  readonly prevHash: HexHash;
  readonly hash: HexHash;
}

/** The fields `hash` covers, spelled out: this list is the entry format auditors rebuild. */
function hashedFields(entry: Omit<RegisterEntry, 'hash'>): Omit<RegisterEntry, 'hash'> {
  return {
    seq: entry.seq,
    eventId: entry.eventId,
    type: entry.type,
    version: entry.version,
    occurredAt: entry.occurredAt,
    recordedAt: entry.recordedAt,
    complaintId: entry.complaintId,
    reference: entry.reference,
    policyId: entry.policyId,
    actor: { kind: entry.actor.kind, id: entry.actor.id },
    payloadDigest: entry.payloadDigest,
    prevHash: entry.prevHash,
  };
}

/** SHA-256(prevHash bytes ‖ canonical JSON of every field but `hash`). */
export function entryHash(entry: Omit<RegisterEntry, 'hash'>): HexHash {
  return createHash('sha256')
    .update(Buffer.from(entry.prevHash, 'hex'))
    .update(canonicalJson(hashedFields(entry)), 'utf8')
    .digest('hex');
}

/** SHA-256 of the canonical JSON of an event's data: the same data, whatever its key order, has one digest. */
export function payloadDigest(data: unknown): HexHash {
  return createHash('sha256').update(canonicalJson(data), 'utf8').digest('hex');
}

/** Where the register stands: how many entries, and the hash of the last (GENESIS_HASH when empty). */
export interface RegisterHead {
  readonly size: number;
  readonly lastHash: HexHash;
}

const textField = (data: unknown, field: string): string | null => {
  if (typeof data !== 'object' || data === null) return null;
  const value = (data as Record<string, unknown>)[field];
  return typeof value === 'string' ? value : null;
};

/** The complaint reference an event carries itself, if any (complaint events do; clock and escalation events do not). */
export function carriedReference(event: Envelope): string | null {
  return textField(event.data, 'reference');
}

/**
 * The entry that records `event` after `head`. Most events carry their complaint's reference;
 * those that do not (clock and escalation events) take the one an earlier entry of the same
 * complaint recorded, so an auditor can find a complaint's whole history by its reference.
 */
export function nextEntry(head: RegisterHead, event: Envelope, recordedAt: Date, earlierReference: string | null): RegisterEntry {
  const entry = {
    seq: head.size,
    eventId: event.id,
    type: event.type,
    version: event.version,
    occurredAt: new Date(event.occurredAt).toISOString(),
    recordedAt: recordedAt.toISOString(),
    complaintId: event.complaintId,
    reference: carriedReference(event) ?? earlierReference,
    policyId: textField(event.data, 'policyId'),
    actor: event.actor,
    payloadDigest: payloadDigest(event.data),
    prevHash: head.lastHash,
  };
  return { ...entry, hash: entryHash(entry) };
}
