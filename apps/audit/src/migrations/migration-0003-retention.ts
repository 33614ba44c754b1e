import { Migration } from '@mikro-orm/migrations';

/**
 * What the register's retention needs to know of each complaint, kept up to date as its
 * events are appended: its policy version, when it closed (null while open), whether a
 * legal hold applies, and whether its payloads were purged. Complaints already in the
 * register take it from their entries.
 */
export class Migration0003Retention extends Migration {
  override name = 'Migration0003Retention';

  override up(): void {
    this.addSql(`create table audit.complaint_retention (
      complaint_id uuid primary key,
      policy_id text not null,
      policy_version integer not null,
      reference text,
      closed_at timestamptz,
      legal_hold_since timestamptz,
      payloads_purged_at timestamptz
    )`);
    this.addSql(`create index complaint_retention_due_idx on audit.complaint_retention (policy_id, policy_version, closed_at)
      where closed_at is not null and legal_hold_since is null and payloads_purged_at is null`);
    this.addSql(`insert into audit.complaint_retention (complaint_id, policy_id, policy_version, reference, closed_at)
      select r.complaint_id, r.policy_id, (p.data->>'policyVersion')::integer, r.reference,
        (select case when last.type = 'complaint.closed' then last.occurred_at end from audit.entries last
          where last.complaint_id = r.complaint_id and last.type in ('complaint.closed', 'complaint.reopened')
          order by last.seq desc limit 1)
      from audit.entries r join audit.entry_payloads p on p.seq = r.seq
      where r.type = 'complaint.received' and r.policy_id is not null and p.data ? 'policyVersion'`);
  }
}
