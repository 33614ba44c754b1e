import {
  ComplaintDisputeTierChangedV1,
  ComplaintEscalationRequestedV1,
  ComplaintReceivedV1,
  ComplaintSellerNonCooperationReportedV1,
} from '@complaints/contracts';
import { DeliveredEvent } from '@complaints/messaging';
import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { RecordDisputeTierChange } from '../disputes/record-dispute-tier-change';
import { ApplyEscalationTrigger } from './apply-escalation-trigger';
import { complaintIdOf } from './complaint-id-of';
import { RecommendSellerSanction } from './recommend-seller-sanction';
import { StartLadder } from './start-ladder';

/** Complaint events escalation acts on; the rest are only recorded in its inbox. */
@Injectable()
export class ComplaintEventsHandler {
  constructor(
    private readonly startLadder: StartLadder,
    private readonly applyTrigger: ApplyEscalationTrigger,
    private readonly recommendSanction: RecommendSellerSanction,
    private readonly recordDisputeTier: RecordDisputeTierChange,
  ) {}

  async handle({ envelope, contract }: DeliveredEvent, tx: EntityManager): Promise<void> {
    switch (contract) {
      case ComplaintReceivedV1: {
        const { policyId, policyVersion } = ComplaintReceivedV1.data.parse(envelope.data);
        await this.startLadder.execute(tx, { complaintId: complaintIdOf(envelope), policyId, policyVersion });
        return;
      }
      case ComplaintEscalationRequestedV1:
        // Parsed like every message, though the complaint id is all a manual trigger needs.
        ComplaintEscalationRequestedV1.data.parse(envelope.data);
        await this.applyTrigger.execute(tx, {
          complaintId: complaintIdOf(envelope),
          causeEventId: envelope.id,
          trigger: { on: 'manual' },
        });
        return;
      case ComplaintSellerNonCooperationReportedV1: {
        const { policyId, policyVersion, sellerId } = ComplaintSellerNonCooperationReportedV1.data.parse(
          envelope.data,
        );
        await this.recommendSanction.execute(tx, {
          complaintId: complaintIdOf(envelope),
          policyId,
          policyVersion,
          sellerId,
        });
        return;
      }
      case ComplaintDisputeTierChangedV1: {
        const { policyId, policyVersion, fromTier, toTier } = ComplaintDisputeTierChangedV1.data.parse(
          envelope.data,
        );
        await this.recordDisputeTier.execute(tx, {
          complaintId: complaintIdOf(envelope),
          policyId,
          policyVersion,
          change: { eventId: envelope.id, fromTier, toTier },
          changedBy: envelope.actor,
          occurredAt: new Date(envelope.occurredAt),
        });
        return;
      }
      default:
        return;
    }
  }
}
