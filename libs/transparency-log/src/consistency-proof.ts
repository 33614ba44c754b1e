import { EMPTY_TREE_ROOT, HASH_SIZE, nodeHash, sameHash } from './merkle-hash';
import { rangeHash } from './range-hash';
import { MalformedInputError } from './transparency-log-errors';
import type { TreeNodes } from './tree-nodes';
import { assertTreeSize, isPowerOfTwo, type LeafRange, splitPoint } from './tree-shape';

/**
 * The proof that the tree of `fromSize` leaves is a prefix of the tree of `toSize` leaves
 * (RFC 9162 §2.1.4.1). Empty when there is nothing to prove (an empty old tree, or equal
 * sizes). Like an inclusion proof, it costs O(log n) node reads.
 */
export async function consistencyProof(
  nodes: TreeNodes,
  fromSize: number,
  toSize: number,
): Promise<Uint8Array[]> {
  assertTreeSize(fromSize, 'old tree size');
  assertTreeSize(toSize, 'new tree size');
  if (fromSize > toSize)
    throw new MalformedInputError(`old tree size ${fromSize} exceeds new tree size ${toSize}`);
  if (fromSize === 0 || fromSize === toSize) return [];
  const ranges = subproof(fromSize, { start: 0, end: toSize }, true);
  return Promise.all(ranges.map((range) => rangeHash(nodes, range)));
}

/**
 * SUBPROOF(m, D[start:end], b) as leaf ranges, `m` an absolute leaf count. `known` is b: the
 * verifier already holds the old root, so a subtree equal to it need not be sent.
 */
function subproof(m: number, { start, end }: LeafRange, known: boolean): LeafRange[] {
  if (m === end) return known ? [] : [{ start, end }];
  const middle = start + splitPoint(end - start);
  return m <= middle
    ? [...subproof(m, { start, end: middle }, known), { start: middle, end }]
    : [...subproof(m, { start: middle, end }, false), { start, end: middle }];
}

export interface ConsistencyClaim {
  readonly fromSize: number;
  readonly toSize: number;
  readonly fromRoot: Uint8Array;
  readonly toRoot: Uint8Array;
  readonly proof: readonly Uint8Array[];
}

/**
 * Whether `proof` shows that the tree with `fromRoot` is a prefix of the tree with `toRoot`:
 * RFC 9162 §2.1.4.2 for 0 < fromSize < toSize. Equal sizes need equal roots and an empty
 * proof; an old tree of size 0 must have the empty root and is a prefix of any tree.
 * Malformed input fails the verification rather than throwing.
 */
export function verifyConsistency({ fromSize, toSize, fromRoot, toRoot, proof }: ConsistencyClaim): boolean {
  if (!Number.isSafeInteger(fromSize) || !Number.isSafeInteger(toSize) || fromSize < 0 || fromSize > toSize) {
    return false;
  }
  if (fromRoot.length !== HASH_SIZE || toRoot.length !== HASH_SIZE) return false;
  if (proof.some((hash) => hash.length !== HASH_SIZE)) return false;
  if (fromSize === 0) return proof.length === 0 && sameHash(fromRoot, EMPTY_TREE_ROOT);
  if (fromSize === toSize) return proof.length === 0 && sameHash(fromRoot, toRoot);
  if (proof.length === 0) return false;

  // Step 2: when the old tree is a complete subtree, the proof leaves out its root.
  const path = isPowerOfTwo(fromSize) ? [fromRoot, ...proof] : proof;
  let fn = fromSize - 1;
  let sn = toSize - 1;
  while (fn % 2 === 1) {
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  // Steps 5 to 7. The walk up the tree is the same as in verifyInclusion; it is written out
  // again so that each function reads line by line against its own section of the RFC.
  const [first, ...rest] = path;
  let fr = first;
  let sr = first;
  for (const c of rest) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      fr = nodeHash(c, fr);
      sr = nodeHash(c, sr);
      while (fn % 2 === 0 && fn !== 0) {
        fn /= 2;
        sn = Math.floor(sn / 2);
      }
    } else {
      sr = nodeHash(sr, c);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 && sameHash(fr, fromRoot) && sameHash(sr, toRoot);
}
