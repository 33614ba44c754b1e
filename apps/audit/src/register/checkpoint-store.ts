import { EntityManager } from '@mikro-orm/postgresql';

/** A signed checkpoint as kept: the note is what was published, the rest is what it states. */
export interface StoredCheckpoint {
  readonly treeSize: number;
  readonly rootHash: Uint8Array;
  readonly signedAt: Date;
  readonly note: string;
}

export interface CheckpointStore {
  latest(em: EntityManager): Promise<StoredCheckpoint | undefined>;
  /** Newest first, those of a tree smaller than `belowSize` when given. */
  page(em: EntityManager, belowSize: number | undefined, limit: number): Promise<StoredCheckpoint[]>;
  /** Those with a tree size in (fromSize, toSize], oldest first. */
  between(em: EntityManager, fromSize: number, toSize: number): Promise<StoredCheckpoint[]>;
  save(tx: EntityManager, checkpoint: StoredCheckpoint): Promise<void>;
}

export const CHECKPOINT_STORE = Symbol('CheckpointStore');
