import { Migration } from '@mikro-orm/migrations';

/**
 * Each complaint's dispute tier beside its ladder, and every tier change with who made it
 * (the policy's "who and why": the why is free text, kept encrypted in intake's history
 * under the same event id). Tiers are numbers of the policy version the complaint follows.
 */
export class Migration0003DisputeTracks extends Migration {
  override name = 'Migration0003DisputeTracks';

  override up(): void {
    this.addSql(`create table escalation.complaint_disputes (
      complaint_id uuid primary key,
      policy_id text not null,
      policy_version integer not null,
      tier integer check (tier >= 1),
      -- The change that set the tier: the newest seen, in the order of intake's UUIDv7 event ids.
      current_change_id uuid,
      updated_at timestamptz not null default clock_timestamp(),
      constraint complaint_disputes_tier_has_change check ((tier is null) = (current_change_id is null))
    )`);
    this.addSql(`create table escalation.dispute_tier_changes (
      -- Intake's complaint.dispute-tier-changed event.
      cause_event_id uuid primary key,
      complaint_id uuid not null references escalation.complaint_disputes (complaint_id),
      from_tier integer,
      to_tier integer not null,
      actor_kind text not null,
      actor_id text not null,
      occurred_at timestamptz not null,
      -- The escalation.dispute-tier-changed that announced it; null when a newer change had overtaken it.
      event_id uuid unique,
      recorded_at timestamptz not null default clock_timestamp()
    )`);
    this.addSql(
      'create index dispute_tier_changes_complaint_idx on escalation.dispute_tier_changes (complaint_id, cause_event_id)',
    );
  }
}
