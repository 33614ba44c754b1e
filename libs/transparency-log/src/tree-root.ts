import { EMPTY_TREE_ROOT } from './merkle-hash';
import { rangeHash } from './range-hash';
import type { TreeNodes } from './tree-nodes';
import { assertTreeSize } from './tree-shape';

/** MTH of the first `size` leaves, from at most log2(size) + 1 stored nodes. */
export async function treeRoot(nodes: TreeNodes, size: number): Promise<Uint8Array> {
  assertTreeSize(size, 'tree size');
  return size === 0 ? EMPTY_TREE_ROOT : rangeHash(nodes, { start: 0, end: size });
}
