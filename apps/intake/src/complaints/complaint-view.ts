import { ComplaintView } from '@complaints/contracts';
import { Complaint } from './complaint';

/** The personal data and free text of a complaint, as decrypted for an agent. */
export type ComplaintContact = NonNullable<ComplaintView['contact']>;

function iso(date: Date | null): string | null {
  return date === null ? null : date.toISOString();
}

/** The complaint as the API shows it; `contact` only when given, which intake does for agents only. */
export function toComplaintView(record: Complaint, contact?: ComplaintContact): ComplaintView {
  return {
    id: record.id,
    reference: record.reference,
    organisationId: record.organisationId,
    policyId: record.policyId,
    policyVersion: record.policyVersion,
    kind: record.kind,
    channel: record.channel,
    status: record.status,
    receivedAt: record.receivedAt.toISOString(),
    firstContactAt: iso(record.firstContactAt),
    acknowledgedAt: iso(record.acknowledgedAt),
    upgradedAt: iso(record.upgradedAt),
    expectedResolutionAt: iso(record.expectedResolutionAt),
    resolvedAt: iso(record.resolvedAt),
    closedAt: iso(record.closedAt),
    updatedAt: record.updatedAt.toISOString(),
    escalationLevel: record.escalationLevel,
    disputeTier: record.disputeTier,
    thirdParty:
      record.thirdPartyRelationship === null
        ? null
        : { relationship: record.thirdPartyRelationship, authorizationVerifiedAt: iso(record.authorizationVerifiedAt) },
    seller: record.sellerId === null ? null : { id: record.sellerId },
    closeReason: record.closeReason,
    personalDataErasedAt: iso(record.personalDataErasedAt),
    legalHoldSince: iso(record.legalHoldSince),
    submittedBy: record.submittedBy,
    ...(contact ? { contact } : {}),
  };
}
