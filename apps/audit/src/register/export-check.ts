import {
  InMemoryTreeNodes,
  TreeNode,
  appendLeaves,
  leafHash,
  nodeHash,
  parseCheckpoint,
  parseVerifierKey,
  treeRoot,
  verifyConsistency,
  verifyNote,
} from '@complaints/transparency-log';
import { RegisterBreak, StoredEntry, firstChainBreak } from './chain-check';
import { GENESIS_HASH, HexHash, RegisterEntry } from './register-entry';

/**
 * One line of a register export (`GET /v1/audit/export`), NDJSON: the entries in seq order,
 * then the signed checkpoint that covers exactly them. Another organisation's entry is a stub:
 * its hashes link the chain and make its leaf, but its fields cannot be recomputed.
 *
 * An export of seqs [from, to) (`?from&to`) ends with the latest checkpoint, of a size at
 * least `to`, and a `range-proof` that ties the entries to its root (see `RangeProofRecord`).
 */
export type ExportRecord =
  | ({ readonly record: 'entry' } & RegisterEntry & { readonly payload: unknown })
  | { readonly record: 'entry-stub'; readonly seq: number; readonly prevHash: HexHash; readonly hash: HexHash }
  | { readonly record: 'checkpoint'; readonly note: string }
  | RangeProofRecord;

/**
 * What an auditor needs, besides the entries [from, to), to rebuild the root of the tree of
 * `to` entries and prove it a prefix of the checkpoint's tree of `treeSize` entries:
 * - `left`: the RFC 9162 inclusion proof of entry `from - 1` in the tree of `from` entries
 *   (null when `from` is 0). Its path holds the complete subtrees left of the range, so the
 *   range's leaves can be appended to them.
 * - `consistency`: the RFC 9162 consistency proof from the tree of `to` entries to the tree of
 *   `treeSize` entries (empty when they are the same size).
 * Neither is trusted: a forged hash in either gives another root, which the signed one refuses.
 */
export interface RangeProofRecord {
  readonly record: 'range-proof';
  readonly from: number;
  readonly to: number;
  readonly treeSize: number;
  readonly left: { readonly leafHash: HexHash; readonly proof: readonly HexHash[] } | null;
  readonly consistency: readonly HexHash[];
}

export interface ExportVerification {
  readonly ok: boolean;
  /** Entries read. */
  readonly checked: number;
  readonly treeSize: number | null;
  readonly firstBroken: RegisterBreak | null;
}

/**
 * Verifies an export with nothing but the register's verifier key (which the auditor pinned
 * earlier, never the one an export could bring): every link of the chain and the hash of every
 * full entry, the payload digests, the Merkle root of all the entries against the checkpoint,
 * and the checkpoint's signature. With a checkpoint the auditor saved earlier (`saved`), also
 * that the register only grew since: the first `saved.treeSize` entries still give its root.
 */
export async function verifyExport(
  records: readonly ExportRecord[],
  verifierKey: string,
  saved?: string,
): Promise<ExportVerification> {
  const verifier = parseVerifierKey(verifierKey);
  const stored: StoredEntry[] = [];
  const stubs = new Set<number>();
  let note: string | undefined;
  let range: RangeProofRecord | undefined;
  for (const record of records) {
    if (record.record === 'checkpoint') note = record.note;
    else if (record.record === 'range-proof') range = record;
    else if (record.record === 'entry-stub') {
      stubs.add(record.seq);
      stored.push({ entry: record as unknown as RegisterEntry, payload: null });
    } else {
      const { record: _record, payload, ...entry } = record;
      stored.push({ entry, payload });
    }
  }
  const result = (firstBroken: RegisterBreak | null, treeSize: number | null = null): ExportVerification => ({
    ok: firstBroken === null,
    checked: stored.length,
    treeSize,
    firstBroken,
  });
  if (range !== undefined && saved !== undefined) {
    throw new Error('a saved checkpoint is checked against a whole export (GET /v1/audit/export without from and to)');
  }

  // A whole export starts at seq 0 from the genesis hash; a range takes its first prevHash on
  // trust, since that entry's hash, and so the root, depend on it.
  const from = range?.from ?? 0;
  const to = range?.to ?? stored.length;
  const firstPrevHash = range === undefined ? GENESIS_HASH : (stored[0]?.entry.prevHash ?? GENESIS_HASH);
  const chainBreak = firstChainBreakAllowingStubs(stored, stubs, from, firstPrevHash);
  if (chainBreak) return result(chainBreak);
  if (stored.length !== to - from) return result({ seq: from + Math.min(stored.length, to - from), reason: 'seq' });
  if (note === undefined) return result({ seq: to, reason: 'checkpoint-signature' });

  const last = Math.max(to - 1, 0);
  let checkpoint;
  try {
    checkpoint = parseCheckpoint(verifyNote(note, verifier));
  } catch {
    return result({ seq: last, reason: 'checkpoint-signature' });
  }
  const leaves = stored.map(({ entry }) => leafHash(Buffer.from(entry.hash, 'hex')));
  if (range !== undefined) {
    const covered = range.treeSize === checkpoint.treeSize && (await rangeInTree(range, leaves, checkpoint.rootHash));
    return result(covered ? null : { seq: last, reason: 'checkpoint-root' }, checkpoint.treeSize);
  }
  if (checkpoint.treeSize !== stored.length) return result({ seq: last, reason: 'checkpoint-root' }, checkpoint.treeSize);
  const tree = new InMemoryTreeNodes();
  tree.put(await appendLeaves(tree, 0, leaves));
  if (!sameBytes(await treeRoot(tree, checkpoint.treeSize), checkpoint.rootHash)) {
    return result({ seq: last, reason: 'checkpoint-root' }, checkpoint.treeSize);
  }
  if (saved !== undefined) {
    let earlier;
    try {
      earlier = parseCheckpoint(verifyNote(saved, verifier));
    } catch {
      return result({ seq: 0, reason: 'checkpoint-signature' }, checkpoint.treeSize);
    }
    const grown = earlier.treeSize <= checkpoint.treeSize && sameBytes(await treeRoot(tree, earlier.treeSize), earlier.rootHash);
    if (!grown) return result({ seq: Math.max(earlier.treeSize - 1, 0), reason: 'checkpoint-root' }, checkpoint.treeSize);
  }
  return result(null, checkpoint.treeSize);
}

/**
 * Whether the leaves of seqs [from, to) are those of the tree with the signed `rootHash`: the
 * complete subtrees left of the range (from `left`) and the leaves give the root of the tree
 * of `to` entries, and the consistency proof shows that tree a prefix of the signed one.
 */
async function rangeInTree(range: RangeProofRecord, leaves: readonly Uint8Array[], rootHash: Uint8Array): Promise<boolean> {
  const { from, to, treeSize } = range;
  if (!Number.isSafeInteger(from) || !Number.isSafeInteger(to) || from < 0 || to <= from || to > treeSize) return false;
  const leftOfRange = subtreesLeftOf(from, range.left);
  if (leftOfRange === null) return false;
  const tree = new InMemoryTreeNodes();
  tree.put(leftOfRange);
  tree.put(await appendLeaves(tree, from, leaves));
  const proof = range.consistency.map(bytesOf);
  return verifyConsistency({ fromSize: to, toSize: treeSize, fromRoot: await treeRoot(tree, to), toRoot: rootHash, proof });
}

/**
 * The maximal complete subtrees of the tree of `from` entries, read off the inclusion proof of
 * its last leaf (RFC 9162 §2.1.3.1): every sibling on that path is a left one. The proof
 * starts with the siblings inside the smallest subtree (the one holding the leaf), then gives
 * the larger subtrees, smallest first. Null when the proof has not that shape.
 */
function subtreesLeftOf(from: number, left: RangeProofRecord['left']): TreeNode[] | null {
  if (from === 0 || left === null) return from === 0 && left === null ? [] : null;
  const subtrees: { level: number; index: number }[] = [];
  for (let level = Math.floor(Math.log2(from)), start = 0; level >= 0; level -= 1) {
    const width = 2 ** level;
    if (start + width <= from) {
      subtrees.push({ level, index: start / width });
      start += width;
    }
  }
  const inner = subtrees[subtrees.length - 1]?.level ?? 0;
  const proof = left.proof.map(bytesOf);
  if (proof.length !== inner + subtrees.length - 1) return null;
  let holdingLeaf = bytesOf(left.leafHash);
  for (const sibling of proof.slice(0, inner)) holdingLeaf = nodeHash(sibling, holdingLeaf);
  const larger = proof.slice(inner).reverse();
  return subtrees.map((subtree, i) => ({ ...subtree, hash: larger[i] ?? holdingLeaf }));
}

/** The chain check from seq `from`, with stubs taken at their word: their hashes are all an export shows. */
function firstChainBreakAllowingStubs(
  stored: readonly StoredEntry[],
  stubs: ReadonlySet<number>,
  from: number,
  firstPrevHash: HexHash,
): RegisterBreak | null {
  let prevHash = firstPrevHash;
  for (const [offset, item] of stored.entries()) {
    const seq = from + offset;
    if (stubs.has(item.entry.seq)) {
      if (item.entry.seq !== seq) return { seq, reason: 'seq' };
      if (item.entry.prevHash !== prevHash) return { seq, reason: 'prev-hash' };
    } else {
      const broken = firstChainBreak([item], { from: seq, to: seq + 1 }, prevHash);
      if (broken) return broken;
    }
    prevHash = item.entry.hash;
  }
  return null;
}

/** A hex hash as bytes; a malformed one gives bytes of the wrong length, which every check refuses. */
function bytesOf(hex: HexHash): Uint8Array {
  return Uint8Array.from(Buffer.from(hex, 'hex'));
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return Buffer.from(a).equals(Buffer.from(b));
}
