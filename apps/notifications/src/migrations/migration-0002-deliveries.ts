import { Migration } from '@mikro-orm/migrations';

/**
 * What notifications keeps: the complaints it has heard of (policy and reference, to check
 * who may see their messages and to name them to teams), each complaint's history as facts
 * for progress updates, and one delivery per (event, message type, recipient). Nothing here
 * is personal: the address, the customer's name and the agent's text are fetched at each
 * attempt and never written down.
 */
export class Migration0002Deliveries extends Migration {
  override name = 'Migration0002Deliveries';

  override up(): void {
    this.addSql(`create table notifications.complaints (
      complaint_id uuid primary key,
      policy_id text not null,
      policy_version integer not null,
      reference text not null,
      created_at timestamptz not null default clock_timestamp()
    )`);
    this.addSql(`create table notifications.history (
      complaint_id uuid not null,
      event_id uuid not null,
      occurred_at timestamptz not null,
      step jsonb not null,
      primary key (complaint_id, event_id)
    )`);
    this.addSql(`create table notifications.deliveries (
      id uuid primary key,
      complaint_id uuid not null,
      cause_event_id uuid not null,
      message_type text not null,
      channel text not null,
      recipient_kind text not null check (recipient_kind in ('customer', 'team')),
      -- The escalation role of a team message; empty for the customer, so the key below is total.
      recipient_role text not null,
      policy_id text not null,
      policy_version integer not null,
      reference text not null,
      facts jsonb not null,
      status text not null check (status in ('pending', 'sent', 'dead')),
      attempts integer not null default 0,
      locale text,
      next_attempt_at timestamptz,
      last_error_class text,
      last_error_code integer,
      sent_at timestamptz,
      created_at timestamptz not null default clock_timestamp(),
      updated_at timestamptz not null default clock_timestamp(),
      -- A redelivered or replayed event plans the same rows again: this key makes it a no-op.
      constraint deliveries_once unique (cause_event_id, message_type, recipient_kind, recipient_role)
    )`);
    this.addSql(`create index deliveries_due_idx on notifications.deliveries (next_attempt_at) where status = 'pending'`);
    this.addSql(`create index deliveries_complaint_idx on notifications.deliveries (complaint_id, created_at)`);
  }
}
