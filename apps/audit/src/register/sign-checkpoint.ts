import { signCheckpoint, treeRoot } from '@complaints/transparency-log';
import { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable } from '@nestjs/common';
import { CHECKPOINT_STORE, CheckpointStore, StoredCheckpoint } from './checkpoint-store';
import { REGISTER_SETTINGS, RegisterSettings } from './register-settings';
import { REGISTER_WRITER, RegisterWriter } from './register-writer';
import { TREE_NODE_STORE, TreeNodeStore } from './tree-node-store';

/**
 * Signs a checkpoint of the register as it stands, unless the latest one already covers it.
 * It holds the head's lock, so no append slips in between reading the size and the root, and
 * two replicas never sign two checkpoints of the same size. The first run signs the empty
 * tree, so there is always a checkpoint to serve.
 */
@Injectable()
export class SignCheckpoint {
  constructor(
    private readonly em: EntityManager,
    @Inject(REGISTER_WRITER) private readonly register: RegisterWriter,
    @Inject(TREE_NODE_STORE) private readonly tree: TreeNodeStore,
    @Inject(CHECKPOINT_STORE) private readonly checkpoints: CheckpointStore,
    @Inject(REGISTER_SETTINGS) private readonly settings: RegisterSettings,
  ) {}

  execute(now: Date): Promise<StoredCheckpoint | undefined> {
    return this.em.fork().transactional(async (tx) => {
      const head = await this.register.lockHead(tx);
      const latest = await this.checkpoints.latest(tx);
      if (latest && latest.treeSize >= head.size) return undefined;
      const rootHash = await treeRoot(this.tree.reader(tx), head.size);
      const { origin, keyPair } = this.settings;
      const note = signCheckpoint({ origin, treeSize: head.size, rootHash, extensions: [] }, { name: origin, keyPair });
      const checkpoint = { treeSize: head.size, rootHash, signedAt: now, note };
      await this.checkpoints.save(tx, checkpoint);
      return checkpoint;
    });
  }
}
