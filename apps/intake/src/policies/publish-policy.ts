import { PolicyPublishedV1, PublishPolicyRequest } from '@complaints/contracts';
import { ForbiddenError, NotFoundError, PLATFORM_WIDE, Principal } from '@complaints/domain';
import { PolicyDocument, PolicyVersionConflictError, parsePolicyDocument, policyDigest } from '@complaints/policy';
import { PolicyCatalog } from '@complaints/policy-catalog';
import { UnitOfWork } from '@complaints/messaging';
import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { actorOf } from '../complaints/complaint-access';
import { newPolicyVersion, policyPublishedEvent } from './policy-published-event';
import { seesPolicy } from './policy-visibility';
import { PolicyVersionsStore } from './policy-versions.store';

export interface PublishPolicyResult {
  readonly outcome: 'published' | 'unchanged';
  readonly policy: PolicyDocument;
}

/**
 * Publishes a policy version: validated, stored with its `policy.published` event in one
 * transaction, and immutable from then on. Publishing the identical document again is a
 * safe retry; a different document under a published id and version is a conflict.
 */
@Injectable()
export class PublishPolicy {
  private readonly store = new PolicyVersionsStore();

  constructor(
    private readonly catalog: PolicyCatalog,
    private readonly unitOfWork: UnitOfWork,
    private readonly em: EntityManager,
  ) {}

  async execute(request: PublishPolicyRequest): Promise<PublishPolicyResult> {
    const policy = parsePolicyDocument(request.document);
    this.assertMayPublish(request.principal, policy);
    const known = this.catalog.registry.get(policy.id, policy.version);
    if (known) return this.sameOrConflict(known, policy);

    const version = newPolicyVersion(policy, actorOf(request.principal));
    const inserted = await this.unitOfWork.run(async (tx, events) => {
      const stored = await this.store.insert(tx, version);
      if (stored) await events.publish(PolicyPublishedV1, policyPublishedEvent(version));
      return stored;
    });
    if (!inserted) {
      // Another replica stored this version between our look-up and our insert.
      const stored = await this.store.find(this.em.fork(), policy.id, policy.version);
      if (!stored) throw new Error(`policy ${policy.id} version ${policy.version} vanished after a conflicting insert`);
      return this.sameOrConflict(this.catalog.registry.publish(stored.document).policy, policy);
    }
    return { outcome: 'published', policy: this.catalog.registry.publish(policy).policy };
  }

  /**
   * An organisation's admins publish their organisation's policies, and only those; a policy
   * id keeps the organisation of its first version, so no one takes over another's id.
   * Templates (no organisation) are the platform operators' to publish.
   */
  private assertMayPublish(principal: Principal, policy: PolicyDocument): void {
    const existing = this.catalog.registry.has(policy.id) ? this.catalog.registry.require(policy.id) : undefined;
    if (existing && existing.organisationId !== policy.organisationId) {
      if (!seesPolicy(principal, existing)) throw new NotFoundError(`policy ${policy.id}`);
      throw new ForbiddenError(`policy ${policy.id} belongs to ${existing.organisationId ?? 'no organisation (a template)'}; its versions keep that`);
    }
    if (principal.organisationId !== PLATFORM_WIDE && policy.organisationId !== principal.organisationId) {
      throw new ForbiddenError(`an admin of ${principal.organisationId} publishes policies whose organisationId is ${principal.organisationId}`);
    }
  }

  private sameOrConflict(published: PolicyDocument, candidate: PolicyDocument): PublishPolicyResult {
    if (policyDigest(published) !== policyDigest(candidate)) {
      throw new PolicyVersionConflictError(candidate.id, candidate.version);
    }
    return { outcome: 'unchanged', policy: published };
  }
}
