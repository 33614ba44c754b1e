import { InMemoryTreeNodes, appendLeaves, leafHash, parseCheckpoint, parseVerifierKey, treeRoot, verifyNote } from '@complaints/transparency-log';
import { RegisterBreak, StoredEntry, firstChainBreak } from './chain-check';
import { GENESIS_HASH, HexHash, RegisterEntry } from './register-entry';

/**
 * One line of a register export (`GET /v1/audit/export`), NDJSON: the entries in seq order,
 * then the signed checkpoint that covers exactly them. Another organisation's entry is a stub:
 * its hashes link the chain and make its leaf, but its fields cannot be recomputed.
 */
export type ExportRecord =
  | ({ readonly record: 'entry' } & RegisterEntry & { readonly payload: unknown })
  | { readonly record: 'entry-stub'; readonly seq: number; readonly prevHash: HexHash; readonly hash: HexHash }
  | { readonly record: 'checkpoint'; readonly note: string };

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
  for (const record of records) {
    if (record.record === 'checkpoint') note = record.note;
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

  const chainBreak = firstChainBreakAllowingStubs(stored, stubs);
  if (chainBreak) return result(chainBreak);
  if (note === undefined) return result({ seq: stored.length, reason: 'checkpoint-signature' });

  const last = Math.max(stored.length - 1, 0);
  let checkpoint;
  try {
    checkpoint = parseCheckpoint(verifyNote(note, verifier));
  } catch {
    return result({ seq: last, reason: 'checkpoint-signature' });
  }
  if (checkpoint.treeSize !== stored.length) return result({ seq: last, reason: 'checkpoint-root' }, checkpoint.treeSize);
  const tree = new InMemoryTreeNodes();
  tree.put(await appendLeaves(tree, 0, stored.map(({ entry }) => leafHash(Buffer.from(entry.hash, 'hex')))));
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

/** The chain check, with stubs taken at their word: their hashes are all an export shows. */
function firstChainBreakAllowingStubs(stored: readonly StoredEntry[], stubs: ReadonlySet<number>): RegisterBreak | null {
  let prevHash = GENESIS_HASH;
  for (const [seq, item] of stored.entries()) {
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

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return Buffer.from(a).equals(Buffer.from(b));
}
