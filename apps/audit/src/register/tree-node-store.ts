import { TreeNode, TreeNodes } from '@complaints/transparency-log';
import { EntityManager } from '@mikro-orm/postgresql';

/** The Merkle tree's complete subtrees, stored as entries are appended. */
export interface TreeNodeStore {
  /** The library's read interface over the store, in this transaction or session. */
  reader(em: EntityManager): TreeNodes;
  /** Stored nodes wholly within leaves [from, to), keyed `level:index`. */
  within(em: EntityManager, from: number, to: number): Promise<Map<string, Uint8Array>>;
  insert(tx: EntityManager, nodes: readonly TreeNode[]): Promise<void>;
}

export const TREE_NODE_STORE = Symbol('TreeNodeStore');
