import { Migration } from '@mikro-orm/migrations';

/**
 * What a clock's business time was, and what the SLA report reads (ADR 0054).
 *
 * `elapsed_business_seconds` is the business time the clock ran from its start to the instant
 * its stopping event came, pauses excluded; `overdue_business_seconds` the part of it past the
 * deadline when the promise was kept late. Both are null until the clock stops, and for clocks
 * that stopped before this migration (their pauses would have to be re-planned to measure them).
 *
 * The report groups a policy's clocks by when they started: `policy_id` is copied from the
 * complaint (it never changes) so the report reads one table through one index. A policy id
 * keeps the organisation of its first version (ADR 0005), so the policy also scopes the report
 * to an organisation and no organisation column is needed.
 */
export class Migration0005ClockBusinessTimeAndReport extends Migration {
  override name = 'Migration0005ClockBusinessTimeAndReport';

  override up(): void {
    this.addSql(`alter table sla.clocks
      add column policy_id text,
      add column elapsed_business_seconds bigint,
      add column overdue_business_seconds bigint`);
    this.addSql(`update sla.clocks clock set policy_id = complaint.policy_id
      from sla.complaints complaint where complaint.complaint_id = clock.complaint_id`);
    this.addSql(`alter table sla.clocks alter column policy_id set not null`);
    // The report's one access path: a policy's clocks started in a window.
    this.addSql(`create index clocks_policy_started_idx on sla.clocks (policy_id, started_at) where started_at is not null`);
  }
}
