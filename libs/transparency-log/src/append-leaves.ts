import { assertHash, nodeHash } from './merkle-hash';
import { requireNode, type TreeNode, type TreeNodes } from './tree-nodes';
import { assertTreeSize, completeSubtrees } from './tree-shape';

/**
 * The nodes to store when `leafHashes` (RFC 9162 leaf hashes, see `leafHash`) are appended to
 * a tree of `previousSize` leaves: the new leaves themselves, then every subtree the append
 * completes, level by level. Nothing already stored changes.
 *
 * A new subtree combines new nodes with, at most once per level, a complete subtree of the
 * previous tree (its left child). Those are exactly the previous tree's maximal complete
 * subtrees, so they are read up front: at most log2(previousSize) + 1 reads, whatever the
 * size of the batch.
 */
export async function appendLeaves(
  nodes: TreeNodes,
  previousSize: number,
  leafHashes: readonly Uint8Array[],
): Promise<TreeNode[]> {
  assertTreeSize(previousSize, 'previous tree size');
  assertTreeSize(previousSize + leafHashes.length, 'new tree size');
  leafHashes.forEach((hash, i) => assertHash(hash, `leaf hash ${i}`));
  const frontier = await Promise.all(
    completeSubtrees({ start: 0, end: previousSize }).map(async ({ level, index }) => ({
      level,
      index,
      hash: await requireNode(nodes, level, index),
    })),
  );
  return completedSubtrees(frontier, previousSize, leafHashes);
}

function completedSubtrees(
  frontier: readonly TreeNode[],
  previousSize: number,
  leafHashes: readonly Uint8Array[],
): TreeNode[] {
  const newSize = previousSize + leafHashes.length;
  const known = new Map<string, Uint8Array>(
    frontier.map((node) => [`${node.level}:${node.index}`, node.hash]),
  );
  const created: TreeNode[] = [];
  const keep = (node: TreeNode): void => {
    known.set(`${node.level}:${node.index}`, node.hash);
    created.push(node);
  };
  leafHashes.forEach((hash, i) => keep({ level: 0, index: previousSize + i, hash }));
  for (let level = 1, width = 2; width <= newSize; level += 1, width *= 2) {
    // Subtrees at this level that end after the previous size and no later than the new one.
    for (let index = Math.floor(previousSize / width); (index + 1) * width <= newSize; index += 1) {
      const left = known.get(`${level - 1}:${2 * index}`);
      const right = known.get(`${level - 1}:${2 * index + 1}`);
      // Both children are complete by construction; a gap would mean a bug, not bad input.
      if (!left || !right) throw new Error(`append lost a child of level ${level}, index ${index}`);
      keep({ level, index, hash: nodeHash(left, right) });
    }
  }
  return created;
}
