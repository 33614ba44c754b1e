import { EscalationLevelNotifiedV1, EscalationLevelRaisedV1 } from '@complaints/contracts';
import { EventSink } from '@complaints/messaging';
import { PolicyCatalog } from '@complaints/policy-catalog';
import { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable } from '@nestjs/common';
import { decideEscalation } from '../ladder/decide-escalation';
import { EscalationTrigger, contractNameOf, metricOf } from '../ladder/escalation-trigger';
import { COMPLAINT_LADDERS, ComplaintLadderRepository } from './complaint-ladder';
import { ESCALATION_ACTOR } from './escalation-actor';
import { WITHDRAWN_BREACHES, WithdrawnBreachRepository } from './withdrawn-breaches';

export interface ApplyEscalationTriggerCommand {
  readonly complaintId: string;
  /** The event that is the trigger: a clock alert, an agent's request, a survey answer. */
  readonly causeEventId: string;
  readonly trigger: EscalationTrigger;
}

/**
 * `not-on-ladder`: the trigger came before the complaint's `complaint.received` was processed.
 * Events of different streams (and redeliveries within one) come in any order, so this is a
 * "not yet", never a "never": the caller has the trigger delivered again later.
 */
export type EscalationTriggerOutcome = 'applied' | 'not-on-ladder';

/**
 * Applies one trigger to a complaint's ladder: raises the level or notifies the current one
 * as its policy says, recording the step and its event in the caller's transaction.
 */
@Injectable()
export class ApplyEscalationTrigger {
  constructor(
    @Inject(COMPLAINT_LADDERS) private readonly ladders: ComplaintLadderRepository,
    @Inject(WITHDRAWN_BREACHES) private readonly withdrawn: WithdrawnBreachRepository,
    private readonly policies: PolicyCatalog,
  ) {}

  async execute(tx: EntityManager, events: EventSink, command: ApplyEscalationTriggerCommand): Promise<EscalationTriggerOutcome> {
    const { complaintId, trigger } = command;
    const ladder = await this.ladders.lock(tx, complaintId);
    if (!ladder) return 'not-on-ladder';
    // Its withdrawal came first (redelivery reorders): the breach was false and moves nothing.
    if (trigger.on === 'clock_breach' && (await this.withdrawn.isWithdrawn(tx, command.causeEventId))) return 'applied';
    const { policyId, policyVersion } = ladder;
    const policy = this.policies.registry.require(policyId, policyVersion);
    const decision = decideEscalation(policy.escalation, ladder.level, trigger);
    const facts = { policyId, policyVersion, trigger: contractNameOf(trigger), metric: metricOf(trigger) };
    switch (decision.kind) {
      case 'raise': {
        const event = await events.publish(EscalationLevelRaisedV1, {
          complaintId,
          actor: ESCALATION_ACTOR,
          data: {
            ...facts,
            fromLevel: decision.fromLevel,
            toLevel: decision.to.level,
            levelName: decision.to.name,
            notifies: [...decision.to.notifies],
            final: decision.final,
          },
        });
        await this.ladders.raise(tx, {
          eventId: event.id,
          complaintId,
          fromLevel: decision.fromLevel,
          toLevel: decision.to.level,
          trigger: facts.trigger,
          metric: facts.metric,
          causeEventId: command.causeEventId,
          occurredAt: new Date(event.occurredAt),
        });
        break;
      }
      case 'notify':
        await events.publish(EscalationLevelNotifiedV1, {
          complaintId,
          actor: ESCALATION_ACTOR,
          data: { ...facts, level: decision.level.level, levelName: decision.level.name, notifies: [...decision.level.notifies] },
        });
        break;
      case 'none':
        break;
    }
    return 'applied';
  }
}
