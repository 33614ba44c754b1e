import { HASH_SIZE, nodeHash, sameHash } from './merkle-hash';
import { rangeHash } from './range-hash';
import { MalformedInputError } from './transparency-log-errors';
import type { TreeNodes } from './tree-nodes';
import { assertTreeSize, type LeafRange, splitPoint } from './tree-shape';

/**
 * The audit path of leaf `index` in the tree of the first `treeSize` leaves (RFC 9162
 * §2.1.3.1), deepest sibling first. Every sibling is a complete subtree except at most one
 * range at the tree's right edge, so the proof costs O(log n) node reads.
 */
export async function inclusionProof(
  nodes: TreeNodes,
  index: number,
  treeSize: number,
): Promise<Uint8Array[]> {
  assertTreeSize(treeSize, 'tree size');
  assertTreeSize(index, 'leaf index');
  if (index >= treeSize)
    throw new MalformedInputError(`leaf index ${index} is not in a tree of size ${treeSize}`);
  return Promise.all(auditPath(index, { start: 0, end: treeSize }).map((range) => rangeHash(nodes, range)));
}

/** PATH(m, D[start:end]) as leaf ranges; the recursion of §2.1.3.1 with absolute offsets. */
function auditPath(index: number, { start, end }: LeafRange): LeafRange[] {
  if (end - start === 1) return [];
  const middle = start + splitPoint(end - start);
  return index < middle
    ? [...auditPath(index, { start, end: middle }), { start: middle, end }]
    : [...auditPath(index, { start: middle, end }), { start, end: middle }];
}

export interface InclusionClaim {
  /** The RFC 9162 leaf hash (`leafHash` of the entry's bytes). */
  readonly leafHash: Uint8Array;
  readonly index: number;
  readonly treeSize: number;
  readonly proof: readonly Uint8Array[];
  readonly rootHash: Uint8Array;
}

/**
 * Whether `proof` shows that the leaf is at `index` in the tree with `rootHash`: RFC 9162
 * §2.1.3.2 step by step. Any malformed input is a failed verification, never an exception,
 * so an auditor's tool can report it as such.
 */
export function verifyInclusion({ leafHash, index, treeSize, proof, rootHash }: InclusionClaim): boolean {
  if (!Number.isSafeInteger(index) || !Number.isSafeInteger(treeSize) || index < 0 || index >= treeSize) {
    return false;
  }
  if (leafHash.length !== HASH_SIZE || rootHash.length !== HASH_SIZE) return false;
  let fn = index;
  let sn = treeSize - 1;
  let r = leafHash;
  for (const p of proof) {
    if (sn === 0 || p.length !== HASH_SIZE) return false;
    if (fn % 2 === 1 || fn === sn) {
      r = nodeHash(p, r);
      while (fn % 2 === 0 && fn !== 0) {
        fn /= 2;
        sn = Math.floor(sn / 2);
      }
    } else {
      r = nodeHash(r, p);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 && sameHash(r, rootHash);
}
