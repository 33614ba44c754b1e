import { NotFoundError, Principal, canSee } from '@complaints/domain';
import { PolicyCatalog } from '@complaints/policy-catalog';
import { EntityManager } from '@mikro-orm/postgresql';
import { ComplaintHistoryRepository } from './complaint-history';

/**
 * notifications checks the caller itself (ADR 0005): a complaint it never heard of, or one
 * of another organisation, is "not found", so an id reveals nothing.
 */
export async function requireVisibleComplaint(
  em: EntityManager,
  history: ComplaintHistoryRepository,
  policies: PolicyCatalog,
  principal: Principal,
  complaintId: string,
): Promise<void> {
  const complaint = await history.find(em, complaintId);
  const policy = complaint && policies.registry.get(complaint.policyId, complaint.policyVersion);
  if (!complaint || !policy || !canSee(principal, policy.organisationId ?? null)) {
    throw new NotFoundError(`complaint ${complaintId}`);
  }
}
