import { EscalationLevelRaisedV1, EventOf } from '@complaints/contracts';
import { NotFoundError } from '@complaints/domain';
import { EntityManager, LockMode } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { ComplaintHistory } from '../complaints/complaint-history';
import { ComplaintSchema } from '../complaints/complaint.entity';

/**
 * The escalation service decides levels; intake keeps the complaint's `escalationLevel` in
 * step so lists can filter by it, and puts the step on the complaint's timeline.
 */
@Injectable()
export class FollowEscalationLevel {
  constructor(private readonly history: ComplaintHistory) {}

  async execute(tx: EntityManager, event: EventOf<typeof EscalationLevelRaisedV1>): Promise<void> {
    const complaint =
      event.complaintId &&
      (await tx.findOne(
        ComplaintSchema,
        { id: event.complaintId },
        { lockMode: LockMode.PESSIMISTIC_WRITE },
      ));
    // Intake stores every complaint before escalation hears of it, so this is a bug, and the event waits in the dead letters.
    if (!complaint) throw new NotFoundError(`complaint ${event.complaintId}`);
    // A retried delivery can arrive after a later step: the level follows the highest one.
    if (event.data.toLevel > complaint.escalationLevel) {
      complaint.escalationLevel = event.data.toLevel;
      complaint.updatedAt = new Date();
      await tx.flush();
    }
    await this.history.record(tx, event);
  }
}
