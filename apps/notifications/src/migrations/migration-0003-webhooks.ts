import { Migration } from '@mikro-orm/migrations';

/**
 * Webhook endpoints and one delivery row per (event, endpoint). The signing secret is sealed
 * with the PII key ring (AES-256-GCM, bound to the endpoint's id); the payload is the event
 * envelope, which carries no personal data, kept so every attempt sends and signs the same bytes.
 */
export class Migration0003Webhooks extends Migration {
  override name = 'Migration0003Webhooks';

  override up(): void {
    this.addSql(`create table notifications.webhook_endpoints (
      id uuid primary key,
      -- null: a platform endpoint, which receives every organisation's events.
      organisation_id text,
      url text not null,
      event_types jsonb not null,
      description text,
      secret_key_id text not null,
      secret_ciphertext bytea not null,
      created_by text not null,
      created_at timestamptz not null
    )`);
    this.addSql('create index webhook_endpoints_organisation_idx on notifications.webhook_endpoints (organisation_id, id)');
    this.addSql(`create table notifications.webhook_deliveries (
      -- The webhook-id header: derived from the event and the endpoint.
      id uuid primary key,
      endpoint_id uuid not null references notifications.webhook_endpoints (id) on delete cascade,
      event_id uuid not null,
      event_type text not null,
      complaint_id uuid,
      payload text not null,
      status text not null default 'pending' check (status in ('pending', 'delivered', 'dead')),
      attempts integer not null default 0,
      next_attempt_at timestamptz default clock_timestamp(),
      last_status_code integer,
      last_error text,
      delivered_at timestamptz,
      created_at timestamptz not null default clock_timestamp(),
      constraint webhook_deliveries_once unique (event_id, endpoint_id),
      constraint webhook_deliveries_due_when_pending check ((status = 'pending') = (next_attempt_at is not null))
    )`);
    this.addSql(
      `create index webhook_deliveries_due_idx on notifications.webhook_deliveries (next_attempt_at) where status = 'pending'`,
    );
    this.addSql('create index webhook_deliveries_endpoint_idx on notifications.webhook_deliveries (endpoint_id, created_at)');
  }
}
