import { RegisterCheckpoint } from '@complaints/contracts';
import { NotFoundError } from '@complaints/domain';
import { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable } from '@nestjs/common';
import { CHECKPOINT_STORE, CheckpointStore, StoredCheckpoint } from './checkpoint-store';
import { checkpointView } from './checkpoint-view';

/** The most recent signed checkpoint; proofs default to its tree. */
@Injectable()
export class LatestCheckpoint {
  constructor(
    private readonly em: EntityManager,
    @Inject(CHECKPOINT_STORE) private readonly checkpoints: CheckpointStore,
  ) {}

  async execute(): Promise<RegisterCheckpoint> {
    return checkpointView(await this.require(this.em.fork()));
  }

  async require(em: EntityManager): Promise<StoredCheckpoint> {
    const latest = await this.checkpoints.latest(em);
    if (!latest) throw new NotFoundError('a signed checkpoint');
    return latest;
  }
}
