import { EscalationLevelLoweredV1, EscalationLevelRaisedV1, EventOf } from '@complaints/contracts';
import { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable } from '@nestjs/common';
import { followEscalationLevel, followEscalationLowering } from '../complaints/complaint';
import { ComplaintHistory } from '../complaints/complaint-history';
import { COMPLAINT_REPOSITORY, ComplaintRepository } from '../complaints/complaint.repository';

/**
 * The escalation service decides levels; intake keeps the complaint's `escalationLevel` in
 * step so lists can filter by it, and puts each step, up or back down, on the complaint's timeline.
 */
@Injectable()
export class FollowEscalationLevel {
  constructor(
    @Inject(COMPLAINT_REPOSITORY) private readonly complaints: ComplaintRepository,
    private readonly history: ComplaintHistory,
  ) {}

  /** False when intake has no such complaint. */
  async execute(
    tx: EntityManager,
    event: (EventOf<typeof EscalationLevelRaisedV1> | EventOf<typeof EscalationLevelLoweredV1>) & { readonly complaintId: string },
  ): Promise<boolean> {
    const complaint = await this.complaints.lockForChange(tx, event.complaintId);
    if (!complaint) return false;
    const now = new Date();
    const followed =
      event.type === EscalationLevelLoweredV1.type
        ? followEscalationLowering(complaint, event.data.fromLevel, event.data.toLevel, now)
        : followEscalationLevel(complaint, event.data.toLevel, now);
    if (followed) await this.complaints.save(tx, followed);
    await this.history.record(tx, event);
    return true;
  }
}
