import { quoteIdent } from '@complaints/persistence';

/**
 * DDL for the outbox and inbox every service keeps in its own schema. Services call this
 * from their first migration; the tables' shape belongs to the messaging core.
 */
export function messagingTablesSql(schema: string): string[] {
  const s = quoteIdent(schema);
  return [
    `create table ${s}.outbox (
      id uuid primary key,
      subject text not null,
      event_type text not null,
      complaint_id uuid,
      payload jsonb not null,
      traceparent text,
      created_at timestamptz not null default clock_timestamp(),
      sent_at timestamptz,
      attempts integer not null default 0,
      last_error text
    )`,
    `create index outbox_pending_idx on ${s}.outbox (created_at, id) where sent_at is null`,
    `create index outbox_sent_idx on ${s}.outbox (sent_at) where sent_at is not null`,
    `create table ${s}.inbox (
      consumer text not null,
      event_id uuid not null,
      event_type text not null,
      complaint_id uuid,
      processed_at timestamptz not null default clock_timestamp(),
      primary key (consumer, event_id)
    )`,
  ];
}
