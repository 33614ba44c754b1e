import { GetPolicyRequest, PolicySummaryView } from '@complaints/contracts';
import { NotFoundError, Principal } from '@complaints/domain';
import { PolicyDocument } from '@complaints/policy';
import { PolicyCatalog } from '@complaints/policy-catalog';
import { Injectable } from '@nestjs/common';
import { seesPolicy } from './policy-visibility';

/** Answers the registry's read queries from the catalog, which holds every version in memory. */
@Injectable()
export class ReadPolicies {
  constructor(private readonly catalog: PolicyCatalog) {}

  list(principal: Principal): { items: PolicySummaryView[] } {
    const { registry } = this.catalog;
    return {
      items: registry
        .list()
        .filter((summary) => seesPolicy(principal, registry.require(summary.id)))
        .map((summary) => ({ ...summary, versions: [...summary.versions], builtIn: this.catalog.isBuiltIn(summary.id) })),
    };
  }

  get(request: GetPolicyRequest): PolicyDocument {
    const policy = this.catalog.registry.require(request.policyId, request.version);
    if (!seesPolicy(request.principal, policy)) throw new NotFoundError(`policy ${request.policyId}`);
    return policy;
  }
}
