import { RegisterBreakReason } from '@complaints/contracts';
import { HexHash, RegisterEntry, entryHash, payloadDigest } from './register-entry';

/** The first place the register stops verifying, and why. */
export interface RegisterBreak {
  readonly seq: number;
  readonly reason: RegisterBreakReason;
}

/** An entry as stored, with its payload; `payload` is null once purged, which the chain allows. */
export interface StoredEntry {
  readonly entry: RegisterEntry;
  readonly payload: unknown;
}

/**
 * The first entry of a stretch that does not verify: a missing or misplaced seq, a link to
 * anything but the previous entry's hash, a hash that its fields do not give, or a payload
 * whose digest is not the one chained. `entries` are those read for seqs [from, to), in seq
 * order; `prevHash` is the hash of the entry before `from`. Each entry is linked to the
 * stored hash of its predecessor, so one altered entry is reported once, at its own seq.
 */
export function firstChainBreak(
  entries: readonly StoredEntry[],
  range: { readonly from: number; readonly to: number },
  prevHash: HexHash,
): RegisterBreak | null {
  let expectedPrevHash = prevHash;
  for (const [offset, { entry, payload }] of entries.entries()) {
    const seq = range.from + offset;
    if (entry.seq !== seq) return { seq, reason: 'seq' };
    if (entry.prevHash !== expectedPrevHash) return { seq, reason: 'prev-hash' };
    if (entryHash(entry) !== entry.hash) return { seq, reason: 'hash' };
    if (payload !== null && payloadDigest(payload) !== entry.payloadDigest) return { seq, reason: 'payload-digest' };
    expectedPrevHash = entry.hash;
  }
  const missing = range.from + entries.length;
  return missing < range.to ? { seq: missing, reason: 'seq' } : null;
}
