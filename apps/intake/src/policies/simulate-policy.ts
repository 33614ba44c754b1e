import { SimulatePolicyRequest } from '@complaints/contracts';
import { InvalidInputError } from '@complaints/domain';
import {
  ClockFacts,
  ClockPlanJson,
  PolicyDocument,
  clockPlanToJson, 
  parseClockFacts,
  parsePolicyDocument,
  planClocksForFacts,
} from '@complaints/policy';
import { PolicyCatalog } from '@complaints/policy-catalog';
import { Injectable } from '@nestjs/common';

/** Every clock's deadline for complaint facts under a published policy, or under a draft document; nothing is stored. */
@Injectable()
export class SimulatePolicy {
  constructor(private readonly catalog: PolicyCatalog) {}

  execute(request: SimulatePolicyRequest): ClockPlanJson {
    const { subject } = request;
    const facts = parseClockFacts(request.facts);
    const policy = 'policy' in subject ? parsePolicyDocument(subject.policy) : this.published(subject, facts);
    return clockPlanToJson(planClocksForFacts(policy, facts));
  }

  /** Without a version, the one a complaint received at `receivedAt` would follow. */
  private published(subject: { policyId: string; version?: number }, facts: ClockFacts): PolicyDocument {
    if (subject.version !== undefined) return this.catalog.registry.require(subject.policyId, subject.version);
    this.catalog.registry.require(subject.policyId);
    const inForce = this.catalog.registry.versionInForce(subject.policyId, new Date(facts.receivedAt));
    if (!inForce) {
      throw new InvalidInputError(`policy ${subject.policyId} has no version in force at receivedAt`, [
        { field: 'receivedAt', message: 'is before the first version of the policy takes effect' },
      ]);
    }
    return inForce;
  }
}
