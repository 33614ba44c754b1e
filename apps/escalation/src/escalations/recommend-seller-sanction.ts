import { EscalationSanctionRecommendedV1 } from '@complaints/contracts';
import { EventSink } from '@complaints/messaging';
import { PolicyCatalog } from '@complaints/policy-catalog';
import { Injectable } from '@nestjs/common';
import { ESCALATION_ACTOR } from './escalation-actor';

export interface RecommendSellerSanctionCommand {
  readonly complaintId: string;
  readonly policyId: string;
  readonly policyVersion: number;
  readonly sellerId: string;
}

/**
 * A seller refused to cooperate: where the policy has rules for sellers (imolocale), the
 * sanctions it allows are recommended; the register keeps the recommendation.
 */
@Injectable()
export class RecommendSellerSanction {
  constructor(private readonly policies: PolicyCatalog) {}

  async execute(events: EventSink, command: RecommendSellerSanctionCommand): Promise<void> {
    const { complaintId, policyId, policyVersion, sellerId } = command;
    const { sellers } = this.policies.registry.require(policyId, policyVersion);
    if (sellers?.onNonCooperation !== 'recommend_sanction') return;
    await events.publish(EscalationSanctionRecommendedV1, {
      complaintId,
      actor: ESCALATION_ACTOR,
      data: { policyId, policyVersion, sellerId, sanctions: [...sellers.sanctions] },
    });
  }
}
