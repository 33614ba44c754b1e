import { executeSql } from '@complaints/persistence';
import { EntityManager } from '@mikro-orm/postgresql';
import { CheckpointStore, StoredCheckpoint } from './checkpoint-store';

interface CheckpointRow {
  tree_size: string | number;
  root_hash: Buffer;
  signed_at: Date | string;
  note: string;
}

const toCheckpoint = (row: CheckpointRow): StoredCheckpoint => ({
  treeSize: Number(row.tree_size),
  rootHash: Uint8Array.from(row.root_hash),
  signedAt: new Date(row.signed_at),
  note: row.note,
});

/** The audit schema's `checkpoints`. */
export class SqlCheckpointsRepository implements CheckpointStore {
  async latest(em: EntityManager): Promise<StoredCheckpoint | undefined> {
    const [row] = await executeSql<CheckpointRow>(em, `select * from audit.checkpoints order by tree_size desc limit 1`);
    return row && toCheckpoint(row);
  }

  async page(em: EntityManager, belowSize: number | undefined, limit: number): Promise<StoredCheckpoint[]> {
    const rows = await executeSql<CheckpointRow>(
      em,
      `select * from audit.checkpoints where tree_size < ? order by tree_size desc limit ?`,
      [belowSize ?? Number.MAX_SAFE_INTEGER, limit],
    );
    return rows.map(toCheckpoint);
  }

  async between(em: EntityManager, fromSize: number, toSize: number): Promise<StoredCheckpoint[]> {
    const rows = await executeSql<CheckpointRow>(
      em,
      `select * from audit.checkpoints where tree_size > ? and tree_size <= ? order by tree_size`,
      [fromSize, toSize],
    );
    return rows.map(toCheckpoint);
  }

  async save(tx: EntityManager, checkpoint: StoredCheckpoint): Promise<void> {
    await executeSql(tx, `insert into audit.checkpoints (tree_size, root_hash, signed_at, note) values (?, ?, ?, ?)`, [
      checkpoint.treeSize,
      Buffer.from(checkpoint.rootHash),
      checkpoint.signedAt,
      checkpoint.note,
    ]);
  }
}
