import { Principal, canSee } from '@complaints/domain';
import { PolicyDocument } from '@complaints/policy';

/**
 * Whether a principal sees a policy: its organisation's, and the templates (regulatory
 * profiles, which belong to no organisation) every organisation may adopt. Another
 * organisation's policy is as unknown as one that does not exist.
 */
export function seesPolicy(principal: Principal, policy: Pick<PolicyDocument, 'organisationId'>): boolean {
  return policy.organisationId === undefined || canSee(principal, policy.organisationId);
}
