import { EscalationLevelLoweredV1 } from '@complaints/contracts';
import { EventSink } from '@complaints/messaging';
import { PolicyCatalog } from '@complaints/policy-catalog';
import { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable } from '@nestjs/common';
import { EscalationTriggerOutcome } from './apply-escalation-trigger';
import { COMPLAINT_LADDERS, ComplaintLadderRepository } from './complaint-ladder';
import { ESCALATION_ACTOR } from './escalation-actor';
import { WITHDRAWN_BREACHES, WithdrawnBreachRepository } from './withdrawn-breaches';

export interface WithdrawBreachEscalationCommand {
  readonly complaintId: string;
  /** The clock whose breach sla withdrew. */
  readonly metric: string;
  /** The `sla.clock-breached` event withdrawn; undefined in withdrawals published before sla named it. */
  readonly breachEventId: string | undefined;
  /** The `sla.clock-breach-withdrawn` event. */
  readonly withdrawalEventId: string;
}

/**
 * sla withdrew a clock's breach (a late event showed the promise kept): the step up that
 * breach caused is undone, by as many levels as it climbed, never below level 1, and
 * announced. Steps other triggers caused since stay. A breach that raised nothing (a warning
 * rule, the final level reached, a policy without a ladder) leaves nothing to undo, and one
 * not processed yet raises nothing when it comes (the withdrawal is recorded). A withdrawal
 * that does not name its breach undoes the clock's latest breach step.
 */
@Injectable()
export class WithdrawBreachEscalation {
  constructor(
    @Inject(COMPLAINT_LADDERS) private readonly ladders: ComplaintLadderRepository,
    @Inject(WITHDRAWN_BREACHES) private readonly withdrawn: WithdrawnBreachRepository,
    private readonly policies: PolicyCatalog,
  ) {}

  async execute(tx: EntityManager, events: EventSink, command: WithdrawBreachEscalationCommand): Promise<EscalationTriggerOutcome> {
    const { complaintId, metric, breachEventId } = command;
    const ladder = await this.ladders.lock(tx, complaintId);
    if (!ladder) return 'not-on-ladder';
    if (breachEventId) await this.withdrawn.record(tx, { breachEventId, complaintId, withdrawalEventId: command.withdrawalEventId });
    const raise = breachEventId
      ? await this.ladders.raiseCausedBy(tx, complaintId, breachEventId)
      : await this.ladders.lastBreachRaise(tx, complaintId, metric);
    if (!raise) return 'applied';
    const { policyId, policyVersion } = ladder;
    const { levels } = this.policies.registry.require(policyId, policyVersion).escalation;
    const toLevel = Math.max(1, ladder.level - (raise.toLevel - raise.fromLevel));
    const level = levels[toLevel - 1];
    // A complaint's level always comes from the same policy version's ladder, so this is a bug.
    if (!level) throw new Error(`level ${toLevel} is not on a ladder of ${levels.length} levels`);
    const event = await events.publish(EscalationLevelLoweredV1, {
      complaintId,
      actor: ESCALATION_ACTOR,
      data: {
        policyId,
        policyVersion,
        fromLevel: ladder.level,
        toLevel,
        levelName: level.name,
        reason: 'breach_withdrawn',
        metric,
        undoesEventId: raise.eventId,
      },
    });
    await this.ladders.lower(tx, { complaintId, toLevel, undone: raise.eventId, eventId: event.id });
    return 'applied';
  }
}
