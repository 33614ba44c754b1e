import { Actor, RegisterPayloadsPurgedV1 } from '@complaints/contracts';
import { UnitOfWork } from '@complaints/messaging';
import { executeSql } from '@complaints/persistence';
import { latestClosureRetentionMayHaveEnded, PolicyDocument, personalDataRetentionEndsAt } from '@complaints/policy';
import { PolicyCatalog } from '@complaints/policy-catalog';
import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';

export const REGISTER_RETENTION_ACTOR: Actor = { kind: 'system', id: 'register-retention' };

/** Complaints purged per policy version and sweep, so one sweep's transactions stay short. */
const BATCH = 100;

interface RetentionRow {
  complaint_id: string;
  reference: string | null;
  closed_at: Date | null;
  legal_hold_since: Date | null;
  payloads_purged_at: Date | null;
}

/**
 * Deletes the payloads of a closed complaint's entries once its policy's retention after
 * closure has ended, unless a legal hold applies; never an entry, a hash or a tree node, so
 * the register still verifies. The purge is announced in the same transaction
 * (`register.payloads-purged`) and so becomes an entry itself.
 */
@Injectable()
export class PurgeExpiredPayloads {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly catalog: PolicyCatalog,
  ) {}

  /** Answers how many complaints' payloads it purged. */
  async sweep(em: EntityManager, now: Date): Promise<number> {
    let purged = 0;
    const versions = await executeSql<{ policy_id: string; policy_version: number }>(
      em,
      `select distinct policy_id, policy_version from audit.complaint_retention
       where closed_at is not null and legal_hold_since is null and payloads_purged_at is null`,
    );
    for (const { policy_id: policyId, policy_version: version } of versions) {
      const policy = this.catalog.registry.get(policyId, version);
      if (!policy) continue;
      const candidates = await executeSql<{ complaint_id: string; closed_at: Date }>(
        em,
        `select complaint_id, closed_at from audit.complaint_retention
         where policy_id = ? and policy_version = ? and closed_at <= ? and legal_hold_since is null and payloads_purged_at is null
         order by closed_at limit ?`,
        [policyId, version, latestClosureRetentionMayHaveEnded(policy, now), BATCH],
      );
      for (const candidate of candidates) {
        if (personalDataRetentionEndsAt(policy, new Date(candidate.closed_at)) > now) continue;
        if (await this.purgeIfStillDue(candidate.complaint_id, policy, now)) purged += 1;
      }
    }
    return purged;
  }

  /** Under the record's row lock, so a hold or a reopening appended meanwhile wins. */
  private purgeIfStillDue(complaintId: string, policy: PolicyDocument, now: Date): Promise<boolean> {
    return this.unitOfWork.run(async (tx, events) => {
      const [record] = await executeSql<RetentionRow>(
        tx,
        'select * from audit.complaint_retention where complaint_id = ? for update',
        [complaintId],
      );
      if (!record || record.legal_hold_since !== null || record.payloads_purged_at !== null || record.closed_at === null) return false;
      const endsAt = personalDataRetentionEndsAt(policy, new Date(record.closed_at));
      if (endsAt > now) return false;
      const deleted = await executeSql<{ seq: string }>(
        tx,
        `delete from audit.entry_payloads p using audit.entries e
         where e.seq = p.seq and e.complaint_id = ? returning p.seq`,
        [complaintId],
      );
      await executeSql(tx, 'update audit.complaint_retention set payloads_purged_at = ? where complaint_id = ?', [now, complaintId]);
      await events.publish(RegisterPayloadsPurgedV1, {
        complaintId,
        actor: REGISTER_RETENTION_ACTOR,
        occurredAt: now,
        data: {
          policyId: policy.id,
          policyVersion: policy.version,
          reference: record.reference,
          purged: deleted.length,
          throughSeq: deleted.reduce((highest, row) => Math.max(highest, Number(row.seq)), 0),
          closedAt: new Date(record.closed_at).toISOString(),
          retentionEndedAt: endsAt.toISOString(),
        },
      });
      return true;
    });
  }
}
