import { Migration } from '@mikro-orm/migrations';

/**
 * Data rights. Each complaint's personal data gets a data key of its own (sealed by the
 * PII_ENCRYPTION_KEYS ring), so erasing it is destroying that key. Complaints are found by
 * customer email through a keyed hash, never the address itself. A legal hold stops every
 * erasure, on request or by retention.
 */
export class Migration0007DataRights extends Migration {
  override name = 'Migration0007DataRights';

  override up(): void {
    this.addSql(`create table intake.complaint_data_keys (
      id uuid primary key,
      -- Deferred: the key is made while the complaint that will hold it is being built.
      complaint_id uuid not null references intake.complaints (id) deferrable initially deferred,
      ring_key_id text not null,
      wrapped_key bytea,
      created_at timestamptz not null default clock_timestamp(),
      destroyed_at timestamptz,
      constraint complaint_data_keys_destroyed_check check ((wrapped_key is null) = (destroyed_at is not null))
    )`);
    this.addSql('create index complaint_data_keys_complaint_idx on intake.complaint_data_keys (complaint_id, created_at)');
    this.addSql(`alter table intake.complaints
      add column customer_lookup bytea,
      add column personal_data_erased_at timestamptz,
      add column legal_hold_since timestamptz`);
    this.addSql('create index complaints_customer_lookup_idx on intake.complaints (customer_lookup) where customer_lookup is not null');
    // The retention job's candidates: closed, not yet erased.
    this.addSql(`create index complaints_retention_idx on intake.complaints (policy_id, policy_version, closed_at)
      where status = 'closed' and personal_data_erased_at is null`);
  }
}
