import { nodeHash } from './merkle-hash';
import { requireNode, type TreeNodes } from './tree-nodes';
import { completeSubtrees, type LeafRange } from './tree-shape';

/**
 * MTH of the leaves in `range`, from the stored hashes of its complete subtrees alone: the
 * subtrees are read in parallel (one round trip for a database) and folded from the right,
 * which is how RFC 9162 §2.1.1 combines a complete left part with the rest.
 */
export async function rangeHash(nodes: TreeNodes, range: LeafRange): Promise<Uint8Array> {
  const parts = await Promise.all(
    completeSubtrees(range).map(({ level, index }) => requireNode(nodes, level, index)),
  );
  return parts.reduceRight((right, left) => nodeHash(left, right));
}
