import { PolicyDocument } from '@complaints/policy';

/** The policy versions complaints follow (the service's `PolicyCatalog` registry). */
export interface PolicySource {
  require(policyId: string, version: number): PolicyDocument;
}
