import { EscalationLevelRaisedV1 } from '@complaints/contracts';
import { DeliveredEvent } from '@complaints/messaging';
import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { FollowEscalationLevel } from './follow-escalation-level';

/** The escalation events intake keeps on its complaints. */
@Injectable()
export class EscalationEventsHandler {
  constructor(private readonly followLevel: FollowEscalationLevel) {}

  async handle({ envelope, contract }: DeliveredEvent, tx: EntityManager): Promise<void> {
    switch (contract) {
      case EscalationLevelRaisedV1:
        await this.followLevel.execute(tx, {
          ...envelope,
          type: EscalationLevelRaisedV1.type,
          data: EscalationLevelRaisedV1.data.parse(envelope.data),
        });
        return;
      default:
        return;
    }
  }
}
