import { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable } from '@nestjs/common';
import { COMPLAINT_LADDERS, ComplaintLadder, ComplaintLadderRepository } from './complaint-ladder';

/** A received complaint starts at level 1 of the ladder of the policy version it follows. */
@Injectable()
export class StartLadder {
  constructor(@Inject(COMPLAINT_LADDERS) private readonly ladders: ComplaintLadderRepository) {}

  execute(tx: EntityManager, ladder: Omit<ComplaintLadder, 'level'>): Promise<void> {
    return this.ladders.start(tx, ladder);
  }
}
