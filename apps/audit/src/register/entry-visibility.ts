import { AuditEntry, AuditEntryStub } from '@complaints/contracts';
import { Principal, canSee } from '@complaints/domain';

/** The organisation an entry belongs to: its policy's, null for entries of no organisation's policy. */
export type OrganisationOfPolicy = (policyId: string | null) => string | null;

export const ORGANISATION_OF_POLICY = Symbol('OrganisationOfPolicy');

/**
 * The register is one log for the whole platform: an organisation's auditor sees its own
 * entries in full and every other entry as a stub (seq and hashes), enough to verify the
 * chain and the proofs without learning another organisation's business.
 */
export function entryAsSeenBy(
  principal: Principal,
  entry: AuditEntry,
  organisationOf: OrganisationOfPolicy,
): AuditEntry | AuditEntryStub {
  if (canSee(principal, organisationOf(entry.policyId))) return entry;
  return { seq: entry.seq, prevHash: entry.prevHash, hash: entry.hash };
}
