import { PolicyPublishedV1 } from '@complaints/contracts';
import { PolicyDocument, policyDigest } from '@complaints/policy';
import { NewEvent } from '@complaints/messaging';
import { v7 as uuidv7 } from 'uuid';
import { StoredPolicyVersion } from './policy-versions.store';

/**
 * The `policy.published` event of a stored version. Rebuilt from the row with the same id,
 * so publishing it again (after a stream was lost) never makes a second register entry.
 */
export function policyPublishedEvent(stored: StoredPolicyVersion): NewEvent<typeof PolicyPublishedV1> & { id: string } {
  const document = stored.document as unknown as PolicyDocument;
  return {
    id: stored.eventId,
    occurredAt: stored.publishedAt,
    complaintId: null,
    actor: stored.publishedBy,
    data: {
      policyId: stored.policyId,
      policyVersion: stored.version,
      effectiveFrom: document.effectiveFrom,
      name: document.name,
      digest: stored.digest,
      document: stored.document,
    },
  };
}

/** A version about to be stored, with a new event id. */
export function newPolicyVersion(policy: PolicyDocument, publishedBy: StoredPolicyVersion['publishedBy']): StoredPolicyVersion {
  return {
    policyId: policy.id,
    version: policy.version,
    effectiveFrom: policy.effectiveFrom,
    document: policy as unknown as Record<string, unknown>,
    digest: policyDigest(policy),
    eventId: uuidv7(),
    publishedBy,
    publishedAt: new Date(),
  };
}
