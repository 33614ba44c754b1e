import { Actor } from '@complaints/contracts';
import { EventSink } from '@complaints/messaging';
import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { Complaint } from '../complaints/complaint';
import { ComplaintChanges } from '../complaints/complaint-changes';
import { decideErasure, ErasureCause, ErasureDecision } from '../complaints/complaint-data-rights';
import { ComplaintDataKeys } from '../personal-data/complaint-data-keys';

/**
 * Erases one locked complaint's personal data, whoever asked: destroys its data keys and
 * commits the erasure with its event, in the caller's transaction, so the keys are gone if
 * and only if the erasure is announced.
 */
@Injectable()
export class EraseComplaintData {
  constructor(
    private readonly keys: ComplaintDataKeys,
    private readonly changes: ComplaintChanges,
  ) {}

  async execute(
    tx: EntityManager,
    events: EventSink,
    locked: Complaint,
    erasure: { cause: ErasureCause; actor: Actor; now: Date },
  ): Promise<ErasureDecision> {
    const decision = decideErasure(locked, erasure.cause, erasure.now);
    if (decision.kind !== 'erase') return decision;
    await this.keys.destroy(tx, locked.id);
    await this.changes.commit(tx, events, decision.change, erasure.actor);
    return decision;
  }
}
