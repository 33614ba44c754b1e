import { executeSql, pgArray } from '@complaints/persistence';
import { TreeNode, TreeNodes } from '@complaints/transparency-log';
import { EntityManager } from '@mikro-orm/postgresql';
import { TreeNodeStore } from './tree-node-store';

interface NodeRow {
  level: number;
  index: string | number;
  hash: Buffer;
}

const keyOf = (level: number, index: number): string => `${level}:${index}`;

interface PendingRead {
  readonly level: number;
  readonly index: number;
  readonly resolve: (hash: Uint8Array | undefined) => void;
  readonly reject: (error: unknown) => void;
}

/**
 * `TreeNodes` over the `tree_nodes` table. The library asks for the nodes of a root, a proof
 * or an append all at once (one `get` per node, in parallel); reads asked for in the same
 * tick go to the database as one query, so each of those costs a single round trip.
 */
class BatchedSqlTreeNodes implements TreeNodes {
  private pending: PendingRead[] = [];

  constructor(private readonly em: EntityManager) {}

  get(level: number, index: number): Promise<Uint8Array | undefined> {
    return new Promise((resolve, reject) => {
      this.pending.push({ level, index, resolve, reject });
      if (this.pending.length === 1) queueMicrotask(() => void this.flush());
    });
  }

  private async flush(): Promise<void> {
    const batch = this.pending;
    this.pending = [];
    try {
      const rows = await executeSql<NodeRow>(
        this.em,
        `select n.level, n.index, n.hash from audit.tree_nodes n
         join unnest(?::smallint[], ?::bigint[]) as wanted(level, index) on n.level = wanted.level and n.index = wanted.index`,
        [pgArray(batch.map((read) => String(read.level))), pgArray(batch.map((read) => String(read.index)))],
      );
      const found = new Map(rows.map((row) => [keyOf(row.level, Number(row.index)), Uint8Array.from(row.hash)]));
      for (const read of batch) read.resolve(found.get(keyOf(read.level, read.index)));
    } catch (error) {
      for (const read of batch) read.reject(error);
    }
  }
}

/** The audit schema's `tree_nodes`: complete-subtree hashes, written once, never changed. */
export class SqlTreeNodesRepository implements TreeNodeStore {
  reader(em: EntityManager): TreeNodes {
    return new BatchedSqlTreeNodes(em);
  }

  async within(em: EntityManager, from: number, to: number): Promise<Map<string, Uint8Array>> {
    const rows = await executeSql<NodeRow>(
      em,
      `select level, index, hash from audit.tree_nodes
       where index * (1::bigint << level) >= ? and (index + 1) * (1::bigint << level) <= ?`,
      [from, to],
    );
    return new Map(rows.map((row) => [keyOf(row.level, Number(row.index)), Uint8Array.from(row.hash)]));
  }

  async insert(tx: EntityManager, nodes: readonly TreeNode[]): Promise<void> {
    if (nodes.length === 0) return;
    // One statement for every node an append completes: the leaf and up to log2(n) subtrees.
    await executeSql(
      tx,
      `insert into audit.tree_nodes (level, index, hash) values ${nodes.map(() => '(?, ?, ?)').join(', ')}`,
      nodes.flatMap((node) => [node.level, node.index, Buffer.from(node.hash)]),
    );
  }
}
