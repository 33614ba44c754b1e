import { Actor, PolicyPublishedV1 } from '@complaints/contracts';
import { builtInPolicies } from '@complaints/policy';
import { PolicyCatalog } from '@complaints/policy-catalog';
import { SERVICE_LOGGER } from '@complaints/runtime';
import { UnitOfWork } from '@complaints/messaging';
import { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { Logger } from 'pino';
import { newPolicyVersion, policyPublishedEvent } from './policy-published-event';
import { PolicyVersionsStore } from './policy-versions.store';

/** Who publishes the policies shipped with the code. */
const BUILT_IN_PUBLISHER: Actor = { kind: 'system', id: 'built-in-policies' };

/**
 * Intake is the system of record for published policies, the built-in ones included: each
 * built-in version is recorded (and published) the first time intake runs it, so a later
 * edit of its file under the same version cannot change complaints already received under it. At start it loads them from its
 * table (so it never depends on the stream for its own data), and publishes again, through
 * the outbox, any version the POLICIES stream has lost, so every other service sees it.
 */
@Injectable()
export class PublishedPoliciesLoader implements OnApplicationBootstrap {
  private readonly store = new PolicyVersionsStore();

  constructor(
    private readonly catalog: PolicyCatalog,
    private readonly unitOfWork: UnitOfWork,
    private readonly em: EntityManager,
    @Inject(SERVICE_LOGGER) private readonly logger: Logger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.recordBuiltIns();
    const stored = await this.store.all(this.em.fork());
    for (const version of stored) this.catalog.pinPublished(version.document, version.digest);
    const missing = stored.filter((version) => !this.catalog.seenOnStream(version.policyId, version.version));
    if (missing.length === 0) return;
    this.logger.warn({ versions: missing.map((v) => `${v.policyId}@${v.version}`) }, 'republishing policy versions missing from the stream');
    await this.unitOfWork.run(async (_tx, events) => {
      for (const version of missing) await events.republish(PolicyPublishedV1, policyPublishedEvent(version));
    });
  }

  /** Records, in one transaction, the built-in versions intake has not recorded yet; another replica may have. */
  private async recordBuiltIns(): Promise<void> {
    await this.unitOfWork.run(async (tx, events) => {
      for (const policy of builtInPolicies()) {
        if (await this.store.find(tx, policy.id, policy.version)) continue;
        const version = newPolicyVersion(policy, BUILT_IN_PUBLISHER);
        // Under the id stored with it, so a later re-publication is the same event.
        if (await this.store.insert(tx, version)) await events.republish(PolicyPublishedV1, policyPublishedEvent(version));
      }
    });
  }
}
