import { TreeNode, leafHash, nodeHash } from '@complaints/transparency-log';
import { RegisterBreak } from './chain-check';

/**
 * Every complete subtree that lies wholly within leaves [from, from + leaves.length), computed
 * from the entries alone: what the stored tree must hold there. Level 0 is `leafHash` of each
 * entry hash.
 */
export function expectedSubtrees(from: number, entryHashes: readonly Uint8Array[]): TreeNode[] {
  const to = from + entryHashes.length;
  const known = new Map<string, Uint8Array>();
  const nodes: TreeNode[] = [];
  const keep = (node: TreeNode): void => {
    known.set(`${node.level}:${node.index}`, node.hash);
    nodes.push(node);
  };
  entryHashes.forEach((hash, offset) => keep({ level: 0, index: from + offset, hash: leafHash(hash) }));
  for (let level = 1, width = 2; width <= to - from; level += 1, width *= 2) {
    for (let index = Math.ceil(from / width); (index + 1) * width <= to; index += 1) {
      const left = known.get(`${level - 1}:${2 * index}`);
      const right = known.get(`${level - 1}:${2 * index + 1}`);
      if (left && right) keep({ level, index, hash: nodeHash(left, right) });
    }
  }
  return nodes;
}

const sameBytes = (a: Uint8Array, b: Uint8Array): boolean => Buffer.from(a).equals(Buffer.from(b));
const keyOf = (level: number, index: number): string => `${level}:${index}`;

/**
 * The first leaf under a stored node that differs from (or lacks) the node the entries give.
 * A difference shows in every ancestor too, so only the deepest differing nodes count (those
 * whose children both agree): an altered interior node is reported at its own first leaf, and
 * altered or reordered entries at theirs, not at the first leaf of some ancestor.
 */
export function firstTreeBreak(
  expected: readonly TreeNode[],
  stored: ReadonlyMap<string, Uint8Array>,
): RegisterBreak | null {
  const differing = new Set(
    expected
      .filter((node) => {
        const found = stored.get(keyOf(node.level, node.index));
        return !found || !sameBytes(found, node.hash);
      })
      .map((node) => keyOf(node.level, node.index)),
  );
  let first: RegisterBreak | null = null;
  for (const node of expected) {
    if (!differing.has(keyOf(node.level, node.index))) continue;
    const childDiffers =
      node.level > 0 &&
      (differing.has(keyOf(node.level - 1, 2 * node.index)) || differing.has(keyOf(node.level - 1, 2 * node.index + 1)));
    if (childDiffers) continue;
    const seq = node.index * 2 ** node.level;
    if (first === null || seq < first.seq) first = { seq, reason: 'tree-node' };
  }
  return first;
}
