import { MissingTreeNodeError } from './transparency-log-errors';

/**
 * Where the hashes of complete subtrees live. The node at `level` L and `index` i is the root
 * of the complete subtree over leaves [i·2^L, (i+1)·2^L); level 0 holds the leaf hashes.
 * Complete subtrees never change once written, so a store can be append-only and every root
 * and proof is assembled from O(log n) of them.
 */
export interface TreeNodes {
  get(level: number, index: number): Promise<Uint8Array | undefined>;
}

/** Reads a node the caller knows must be stored; its absence means the store lost it. */
export async function requireNode(nodes: TreeNodes, level: number, index: number): Promise<Uint8Array> {
  const hash = await nodes.get(level, index);
  if (!hash) throw new MissingTreeNodeError(level, index);
  return hash;
}

/** One complete-subtree hash to store, as `appendLeaves` returns them. */
export interface TreeNode {
  readonly level: number;
  readonly index: number;
  readonly hash: Uint8Array;
}

/**
 * Tree nodes held in memory: for unit tests, and for an auditor's tool that rebuilds a whole
 * log from its downloaded entries and compares the roots with the published checkpoints.
 */
export class InMemoryTreeNodes implements TreeNodes {
  private readonly hashes = new Map<string, Uint8Array>();

  get(level: number, index: number): Promise<Uint8Array | undefined> {
    return Promise.resolve(this.hashes.get(`${level}:${index}`));
  }

  put(nodes: readonly TreeNode[]): void {
    for (const node of nodes) this.hashes.set(`${node.level}:${node.index}`, node.hash);
  }

  /** How many nodes are stored: a tree of n leaves keeps fewer than 2n. */
  get size(): number {
    return this.hashes.size;
  }
}
