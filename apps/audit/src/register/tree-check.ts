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

/**
 * The first leaf under a stored node that differs from (or lacks) the node the entries give.
 * Expected nodes are built from the entries rather than from stored children, so an altered
 * node is reported at its own first leaf, not again at every ancestor.
 */
export function firstTreeBreak(
  expected: readonly TreeNode[],
  stored: ReadonlyMap<string, Uint8Array>,
): RegisterBreak | null {
  let first: RegisterBreak | null = null;
  for (const node of expected) {
    const found = stored.get(`${node.level}:${node.index}`);
    if (found && sameBytes(found, node.hash)) continue;
    const seq = node.index * 2 ** node.level;
    if (first === null || seq < first.seq) first = { seq, reason: 'tree-node' };
  }
  return first;
}
