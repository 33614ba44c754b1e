import { Actor } from '@complaints/contracts';
import { UnitOfWork } from '@complaints/messaging';
import { executeSql } from '@complaints/persistence';
import { latestClosureRetentionMayHaveEnded, personalDataRetentionEndsAt } from '@complaints/policy';
import { PolicyCatalog } from '@complaints/policy-catalog';
import { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable } from '@nestjs/common';
import { COMPLAINT_REPOSITORY, ComplaintRepository } from '../complaints/complaint.repository';
import { EraseComplaintData } from './erase-complaint-data';

export const RETENTION_ACTOR: Actor = { kind: 'system', id: 'retention-policy' };

/** Complaints erased per policy version and sweep, so one sweep's transactions stay short. */
const BATCH = 100;

/**
 * Erases the personal data of closed complaints whose policy's retention after closure has
 * ended, unless a legal hold applies. Each complaint is erased in its own transaction, after
 * its row is locked and its state checked again, so a hold placed or a reopening made while
 * the sweep runs wins.
 */
@Injectable()
export class RetentionErasure {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly catalog: PolicyCatalog,
    private readonly erase: EraseComplaintData,
    @Inject(COMPLAINT_REPOSITORY) private readonly complaints: ComplaintRepository,
  ) {}

  /** Answers how many complaints it erased. */
  async sweep(em: EntityManager, now: Date): Promise<number> {
    let erased = 0;
    const versions = await executeSql<{ policy_id: string; policy_version: number }>(
      em,
      `select distinct policy_id, policy_version from intake.complaints
       where status = 'closed' and personal_data_erased_at is null and legal_hold_since is null`,
    );
    for (const { policy_id: policyId, policy_version: version } of versions) {
      const policy = this.catalog.registry.get(policyId, version);
      if (!policy) continue;
      const candidates = await executeSql<{ id: string; closed_at: Date }>(
        em,
        `select id, closed_at from intake.complaints
         where policy_id = ? and policy_version = ? and status = 'closed' and personal_data_erased_at is null
           and legal_hold_since is null and closed_at <= ?
         order by closed_at limit ?`,
        [policyId, version, latestClosureRetentionMayHaveEnded(policy, now), BATCH],
      );
      for (const candidate of candidates) {
        if (personalDataRetentionEndsAt(policy, new Date(candidate.closed_at)) > now) continue;
        if (await this.eraseIfStillDue(candidate.id, now)) erased += 1;
      }
    }
    return erased;
  }

  private eraseIfStillDue(complaintId: string, now: Date): Promise<boolean> {
    return this.unitOfWork.run(async (tx, events) => {
      const locked = await this.complaints.lockForChange(tx, complaintId);
      if (!locked || locked.status !== 'closed') return false;
      const decision = await this.erase.execute(tx, events, locked, { cause: 'retention', actor: RETENTION_ACTOR, now });
      return decision.kind === 'erase';
    });
  }
}
