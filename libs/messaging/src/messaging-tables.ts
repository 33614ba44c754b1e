import { quoteIdent } from '@complaints/persistence';
import { Migration } from '@mikro-orm/migrations';

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

type MigrationClass = new (...args: ConstructorParameters<typeof Migration>) => Migration;

/**
 * Changes to the outbox and inbox since `messagingTablesSql`, which every service's database
 * takes after its own migrations, so the tables the messaging core owns evolve in one place.
 */
export function messagingMigrations(schema: string): MigrationClass[] {
  const s = quoteIdent(schema);
  /** Processed-event records are deleted once no redelivery can reach them (`Inbox.purgeProcessedBefore`). */
  class MessagingInboxRetention extends Migration {
    override up(): void {
      this.addSql(`create index if not exists inbox_processed_idx on ${s}.inbox (processed_at)`);
    }
  }
  return [MessagingInboxRetention];
}
