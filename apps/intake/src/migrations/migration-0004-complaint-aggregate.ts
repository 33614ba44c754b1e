import { Migration } from '@mikro-orm/migrations';

/**
 * The whole complaint aggregate: reference, the policy version it follows, lifecycle facts,
 * encrypted contact data, and its history (the timeline). Complaints stored before this
 * migration (walking-skeleton rows without contact data) get references in a LEGACY sequence.
 */
export class Migration0004ComplaintAggregate extends Migration {
  override name = 'Migration0004ComplaintAggregate';

  override up(): void {
    this.addSql(`alter table intake.complaints
      add column reference text,
      add column policy_version integer not null default 1,
      add column acknowledged boolean not null default false,
      add column acknowledged_at timestamptz,
      add column upgraded_at timestamptz,
      add column expected_resolution_at timestamptz,
      add column resolved_at timestamptz,
      add column closed_at timestamptz,
      add column close_reason text,
      add column updated_at timestamptz,
      add column escalation_level integer not null default 1 check (escalation_level >= 1),
      add column dispute_tier text,
      add column third_party_relationship text,
      add column authorization_verified_at timestamptz,
      add column seller_id text,
      add column contact_key_id text,
      add column contact_ciphertext bytea,
      add column breached boolean not null default false`);
    this.addSql(`update intake.complaints c set
        reference = 'LEGACY-' || to_char(c.received_at at time zone 'UTC', 'YYYY') || '-' || lpad(n.seq::text, 6, '0'),
        updated_at = c.received_at
      from (select id, row_number() over (order by created_at, id) as seq from intake.complaints) n
      where n.id = c.id`);
    this.addSql(`alter table intake.complaints
      alter column reference set not null,
      alter column updated_at set not null,
      alter column policy_version drop default,
      add constraint complaints_reference_key unique (reference),
      add constraint complaints_status_check check (status in
        ('received', 'awaiting_authorization', 'acknowledged', 'in_progress', 'awaiting_customer', 'resolved', 'closed')),
      add constraint complaints_contact_check check ((contact_key_id is null) = (contact_ciphertext is null))`);
    // Listing pages by id (UUIDv7, so time-ordered) within the usual filters.
    this.addSql('create index complaints_status_idx on intake.complaints (status, id)');
    this.addSql('create index complaints_policy_idx on intake.complaints (policy_id, id)');

    this.addSql(`create table intake.complaint_history (
      event_id uuid primary key,
      complaint_id uuid not null references intake.complaints (id),
      type text not null,
      version integer not null,
      occurred_at timestamptz not null,
      actor jsonb not null,
      data jsonb not null,
      -- What the agent typed with the command (a reason, note or summary): personal data, encrypted.
      note_key_id text,
      note_ciphertext bytea,
      recorded_at timestamptz not null default clock_timestamp()
    )`);
    this.addSql('create index complaint_history_complaint_idx on intake.complaint_history (complaint_id, occurred_at, event_id)');
  }
}
