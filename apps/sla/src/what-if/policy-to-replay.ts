import { WhatIfSubject } from '@complaints/contracts';
import { InvalidInputError, NotFoundError, Principal, canSee } from '@complaints/domain';
import { PolicyDocument, parsePolicyDocument } from '@complaints/policy';

/** The published versions sla knows (its `PolicyCatalog` registry). */
export interface PublishedPolicies {
  /** The version named, or the latest. */
  get(policyId: string, version?: number): PolicyDocument | undefined;
}

/** The policy's complaints belong to its organisation, or to the platform under a template. */
const mayReplay = (principal: Principal, published: PolicyDocument): boolean =>
  canSee(principal, published.organisationId ?? null);

/**
 * The document a what-if replays complaints under. A draft replays the complaints of the
 * published policy with its id, so it must carry the id of one the caller's organisation
 * owns, and that policy's organisation: a policy keeps the organisation of its first version,
 * so a draft claiming another could never be published in its place.
 */
export function policyToReplay(
  policies: PublishedPolicies,
  principal: Principal,
  subject: WhatIfSubject,
): PolicyDocument {
  if ('policyId' in subject) {
    const published = policies.get(subject.policyId);
    // Another organisation's policy is as unknown as one that does not exist.
    const version =
      published && mayReplay(principal, published)
        ? policies.get(subject.policyId, subject.version)
        : undefined;
    if (!version) throw new NotFoundError(`policy ${subject.policyId} version ${subject.version}`);
    return version;
  }
  const draft = parsePolicyDocument(subject.policy);
  const published = policies.get(draft.id);
  if (!published || !mayReplay(principal, published)) {
    throw new InvalidInputError(`no published policy ${draft.id} of yours has complaints to replay`, [
      {
        field: 'policy.id',
        message:
          'must be the id of a published policy of your organisation: a what-if replays its complaints under the draft',
      },
    ]);
  }
  if ((draft.organisationId ?? null) !== (published.organisationId ?? null)) {
    throw new InvalidInputError(
      `policy ${draft.id} belongs to ${published.organisationId ?? 'no organisation'}`,
      [
        {
          field: 'policy.organisationId',
          message: `must be ${published.organisationId === undefined ? 'absent' : `"${published.organisationId}"`}, as in the published policy: a policy keeps its organisation`,
        },
      ],
    );
  }
  return draft;
}
