import { Migration } from '@mikro-orm/migrations';

/**
 * Where each complaint stands on its policy's ladder, and every step it took. The policy
 * version is the one the complaint was received under, so a later version of the policy
 * never re-reads a level against a different ladder.
 */
export class Migration0002Ladders extends Migration {
  override name = 'Migration0002Ladders';

  override up(): void {
    this.addSql(`create table escalation.complaint_ladders (
      complaint_id uuid primary key,
      policy_id text not null,
      policy_version integer not null,
      level integer not null check (level >= 1),
      started_at timestamptz not null default clock_timestamp(),
      updated_at timestamptz not null default clock_timestamp()
    )`);
    this.addSql(`create table escalation.level_changes (
      event_id uuid primary key,
      complaint_id uuid not null references escalation.complaint_ladders (complaint_id),
      from_level integer not null,
      to_level integer not null,
      trigger text not null,
      metric text,
      -- The event that caused the step (a breach, an agent's request), for tracing it back.
      cause_event_id uuid not null,
      occurred_at timestamptz not null,
      constraint level_changes_upward check (to_level > from_level)
    )`);
    this.addSql(
      'create index level_changes_complaint_idx on escalation.level_changes (complaint_id, occurred_at)',
    );
  }
}
