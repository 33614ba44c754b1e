import { EscalationLevelRaisedV1, EventOf } from '@complaints/contracts';
import { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable } from '@nestjs/common';
import { followEscalationLevel } from '../complaints/complaint';
import { ComplaintHistory } from '../complaints/complaint-history';
import { COMPLAINT_REPOSITORY, ComplaintRepository } from '../complaints/complaint.repository';

/**
 * The escalation service decides levels; intake keeps the complaint's `escalationLevel` in
 * step so lists can filter by it, and puts the step on the complaint's timeline.
 */
@Injectable()
export class FollowEscalationLevel {
  constructor(
    @Inject(COMPLAINT_REPOSITORY) private readonly complaints: ComplaintRepository,
    private readonly history: ComplaintHistory,
  ) {}

  /** False when intake has no such complaint. */
  async execute(tx: EntityManager, event: EventOf<typeof EscalationLevelRaisedV1> & { readonly complaintId: string }): Promise<boolean> {
    const complaint = await this.complaints.lockForChange(tx, event.complaintId);
    if (!complaint) return false;
    const followed = followEscalationLevel(complaint, event.data.toLevel, new Date());
    if (followed) await this.complaints.save(tx, followed);
    await this.history.record(tx, event);
    return true;
  }
}
