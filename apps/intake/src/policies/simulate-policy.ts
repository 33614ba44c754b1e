import { SimulatePolicyRequest } from '@complaints/contracts';
import { ClockPlanJson, clockPlanToJson, parseClockFacts, planClocksForFacts } from '@complaints/policy';
import { PolicyCatalog } from '@complaints/policy-catalog';
import { Injectable } from '@nestjs/common';
import { policyInQuestion } from './policy-in-question';

/** Every clock's deadline for complaint facts under a published policy, or under a draft document; nothing is stored. */
@Injectable()
export class SimulatePolicy {
  constructor(private readonly catalog: PolicyCatalog) {}

  execute(request: SimulatePolicyRequest): ClockPlanJson {
    const facts = parseClockFacts(request.facts);
    const policy = policyInQuestion(this.catalog.registry, request.principal, request.subject, new Date(facts.receivedAt), 'receivedAt');
    return clockPlanToJson(planClocksForFacts(policy, facts));
  }
}
