import { EscalationLevelLoweredV1, EscalationLevelRaisedV1 } from '@complaints/contracts';
import { ConsumedEvent, ConsumerOutcome, EventConsumer, Outcome } from '@complaints/messaging';
import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { FollowEscalationLevel } from './follow-escalation-level';

// Only level changes: notifications and sanction recommendations change nothing in intake.
const LEVEL_CHANGES = [EscalationLevelRaisedV1, EscalationLevelLoweredV1] as const;

/** The escalation levels intake keeps on its complaints. */
@Injectable()
export class EscalationLevelsConsumer implements EventConsumer<typeof LEVEL_CHANGES> {
  readonly durable = 'intake-escalation';
  readonly events = LEVEL_CHANGES;

  constructor(private readonly followLevel: FollowEscalationLevel) {}

  async handle(change: ConsumedEvent<typeof LEVEL_CHANGES>, tx: EntityManager): Promise<ConsumerOutcome> {
    const { complaintId } = change;
    // Intake stores every complaint before escalation hears of it, so an unknown one is a bug: it waits in the dead letters.
    if (complaintId === null) return Outcome.reject('the escalation names no complaint');
    const followed = await this.followLevel.execute(tx, { ...change, complaintId });
    return followed ? Outcome.processed() : Outcome.reject(`intake has no complaint ${complaintId}`);
  }
}
