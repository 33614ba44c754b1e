import { PolicyPublishedV1 } from '@complaints/contracts';
import { PolicyCatalog } from '@complaints/policy-catalog';
import { SERVICE_LOGGER } from '@complaints/runtime';
import { UnitOfWork } from '@complaints/messaging';
import { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { Logger } from 'pino';
import { policyPublishedEvent } from './policy-published-event';
import { PolicyVersionsStore } from './policy-versions.store';

/**
 * Intake is the system of record for published policies. At start it loads them from its
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
    const stored = await this.store.all(this.em.fork());
    for (const version of stored) this.catalog.registry.publish(version.document);
    const missing = stored.filter((version) => !this.catalog.seenOnStream(version.policyId, version.version));
    if (missing.length === 0) return;
    this.logger.warn({ versions: missing.map((v) => `${v.policyId}@${v.version}`) }, 'republishing policy versions missing from the stream');
    await this.unitOfWork.run(async (_tx, events) => {
      for (const version of missing) await events.republish(PolicyPublishedV1, policyPublishedEvent(version));
    });
  }
}
