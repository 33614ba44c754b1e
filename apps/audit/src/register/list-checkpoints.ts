import { CheckpointPage, ListCheckpointsRequest } from '@complaints/contracts';
import { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable } from '@nestjs/common';
import { CHECKPOINT_STORE, CheckpointStore } from './checkpoint-store';
import { checkpointView } from './checkpoint-view';

/** Past checkpoints, newest first; the cursor is the tree size the next page stays below. */
@Injectable()
export class ListCheckpoints {
  constructor(
    private readonly em: EntityManager,
    @Inject(CHECKPOINT_STORE) private readonly checkpoints: CheckpointStore,
  ) {}

  async execute({ cursor, limit }: ListCheckpointsRequest): Promise<CheckpointPage> {
    const rows = await this.checkpoints.page(this.em.fork(), cursor === undefined ? undefined : Number(cursor), limit + 1);
    const items = rows.slice(0, limit);
    const last = items[items.length - 1];
    return { items: items.map(checkpointView), nextCursor: rows.length > limit && last ? String(last.treeSize) : null };
  }
}
