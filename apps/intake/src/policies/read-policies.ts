import { GetPolicyRequest, PolicySummaryView } from '@complaints/contracts';
import { PolicyDocument } from '@complaints/policy';
import { PolicyCatalog } from '@complaints/policy-catalog';
import { Injectable } from '@nestjs/common';

/** Answers the registry's read queries from the catalog, which holds every version in memory. */
@Injectable()
export class ReadPolicies {
  constructor(private readonly catalog: PolicyCatalog) {}

  list(): { items: PolicySummaryView[] } {
    return {
      items: this.catalog.registry
        .list()
        .map((summary) => ({ ...summary, versions: [...summary.versions], builtIn: this.catalog.isBuiltIn(summary.id) })),
    };
  }

  get(request: GetPolicyRequest): PolicyDocument {
    return this.catalog.registry.require(request.policyId, request.version);
  }
}
