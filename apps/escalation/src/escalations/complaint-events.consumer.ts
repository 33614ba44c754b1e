import {
  ComplaintDisputeTierChangedV1,
  ComplaintEscalationRequestedV1,
  ComplaintReceivedV1,
  ComplaintSellerNonCooperationReportedV1,
} from '@complaints/contracts';
import { ConsumedEvent, ConsumerOutcome, EventConsumer, EventSink, Outcome } from '@complaints/messaging';
import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { RecordDisputeTierChange } from '../disputes/record-dispute-tier-change';
import { ApplyEscalationTrigger } from './apply-escalation-trigger';
import { DELIVERIES_WHILE_WAITING_FOR_RECEIPT, namesNoComplaint, outcomeOfTrigger } from './consumer-outcomes';
import { RecommendSellerSanction } from './recommend-seller-sanction';
import { StartLadder } from './start-ladder';

const COMPLAINT_EVENTS = [
  ComplaintReceivedV1,
  ComplaintEscalationRequestedV1,
  ComplaintSellerNonCooperationReportedV1,
  ComplaintDisputeTierChangedV1,
] as const;

/** The complaint events escalation acts on: a receipt starts a ladder, the others act on it. */
@Injectable()
export class ComplaintEventsConsumer implements EventConsumer<typeof COMPLAINT_EVENTS> {
  // The name the inbox-only consumer had, so a deployed service resumes where it stopped.
  readonly durable = 'escalation';
  readonly events = COMPLAINT_EVENTS;
  readonly maxDeliver = DELIVERIES_WHILE_WAITING_FOR_RECEIPT;

  constructor(
    private readonly startLadder: StartLadder,
    private readonly applyTrigger: ApplyEscalationTrigger,
    private readonly recommendSanction: RecommendSellerSanction,
    private readonly recordDisputeTier: RecordDisputeTierChange,
  ) {}

  async handle(event: ConsumedEvent<typeof COMPLAINT_EVENTS>, tx: EntityManager, events: EventSink): Promise<ConsumerOutcome> {
    const { complaintId } = event;
    if (complaintId === null) return namesNoComplaint(event);
    switch (event.type) {
      case ComplaintReceivedV1.type: {
        const { policyId, policyVersion } = event.data;
        await this.startLadder.execute(tx, { complaintId, policyId, policyVersion });
        return Outcome.processed();
      }
      case ComplaintEscalationRequestedV1.type: {
        const trigger = { complaintId, causeEventId: event.id, trigger: { on: 'manual' } } as const;
        return outcomeOfTrigger(complaintId, await this.applyTrigger.execute(tx, events, trigger));
      }
      case ComplaintSellerNonCooperationReportedV1.type: {
        const { policyId, policyVersion, sellerId } = event.data;
        await this.recommendSanction.execute(events, { complaintId, policyId, policyVersion, sellerId });
        return Outcome.processed();
      }
      case ComplaintDisputeTierChangedV1.type: {
        const { policyId, policyVersion, fromTier, toTier } = event.data;
        await this.recordDisputeTier.execute(tx, events, {
          complaintId,
          policyId,
          policyVersion,
          change: { eventId: event.id, fromTier, toTier },
          changedBy: event.actor,
          occurredAt: new Date(event.occurredAt),
        });
        return Outcome.processed();
      }
    }
  }
}
