import { Actor, EscalationDisputeTierChangedV1 } from '@complaints/contracts';
import { EventSink } from '@complaints/messaging';
import { PolicyCatalog } from '@complaints/policy-catalog';
import { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable } from '@nestjs/common';
import { ESCALATION_ACTOR } from '../escalations/escalation-actor';
import { DisputeTierChange, DisputeTierDecision, decideDisputeTier } from './decide-dispute-tier';
import { DISPUTE_TRACKS, DisputeTrackKey, DisputeTrackRepository } from './dispute-track';

export interface RecordDisputeTierChangeCommand extends DisputeTrackKey {
  readonly change: DisputeTierChange;
  readonly changedBy: Actor;
  readonly occurredAt: Date;
}

/**
 * Follows the tier changes intake records onto the complaint's dispute track: every change
 * joins the history with who made it, and the newest sets the tier and is announced, all in
 * the caller's transaction.
 */
@Injectable()
export class RecordDisputeTierChange {
  constructor(
    @Inject(DISPUTE_TRACKS) private readonly tracks: DisputeTrackRepository,
    private readonly policies: PolicyCatalog,
  ) {}

  async execute(tx: EntityManager, events: EventSink, command: RecordDisputeTierChangeCommand): Promise<void> {
    const { complaintId, policyId, policyVersion, change } = command;
    const track = await this.tracks.lock(tx, { complaintId, policyId, policyVersion });
    const { disputes } = this.policies.registry.require(policyId, policyVersion);
    const decision = decideDisputeTier(disputes?.tiers ?? [], track.currentChangeId, change);
    const announcedAs = decision.outcome === 'move' ? await this.move(tx, events, command, decision) : null;
    await this.tracks.record(tx, {
      causeEventId: change.eventId,
      complaintId,
      fromTier: decision.from?.tier ?? null,
      toTier: decision.to.tier,
      changedBy: command.changedBy,
      occurredAt: command.occurredAt,
      eventId: announcedAs,
    });
  }

  /** Sets the complaint's tier and announces it; returns the announcement's event id. */
  private async move(
    tx: EntityManager,
    events: EventSink,
    command: RecordDisputeTierChangeCommand,
    decision: DisputeTierDecision,
  ): Promise<string> {
    const { complaintId, policyId, policyVersion, change } = command;
    const event = await events.publish(EscalationDisputeTierChangedV1, {
      complaintId,
      actor: ESCALATION_ACTOR,
      data: {
        policyId,
        policyVersion,
        fromTier: decision.from?.tier ?? null,
        toTier: decision.to.tier,
        tierName: decision.to.name,
        final: decision.final,
        changedBy: command.changedBy,
      },
    });
    await this.tracks.moveTo(tx, complaintId, decision.to.tier, change.eventId);
    return event.id;
  }
}
