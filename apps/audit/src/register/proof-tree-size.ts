import { InvalidInputError } from '@complaints/domain';
import { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable } from '@nestjs/common';
import { LatestCheckpoint } from './latest-checkpoint';
import { REGISTER_READER, RegisterReader } from './register-reader';

/**
 * The tree a proof is against: the size asked for, else the latest checkpoint's, since that
 * is the root an auditor holds signed. A size the register has not reached is refused,
 * naming the field that asked for it.
 */
@Injectable()
export class ProofTreeSize {
  constructor(
    @Inject(REGISTER_READER) private readonly register: RegisterReader,
    private readonly latestCheckpoint: LatestCheckpoint,
  ) {}

  async resolve(em: EntityManager, requested: number | undefined, field: string): Promise<number> {
    const size = requested ?? (await this.latestCheckpoint.require(em)).treeSize;
    const registerSize = await this.register.size(em);
    if (size > registerSize) {
      throw new InvalidInputError('the register has not reached that size', [
        { field, message: `must be at most ${registerSize}, the register's size` },
      ]);
    }
    return size;
  }
}
