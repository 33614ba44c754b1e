import { Migration } from '@mikro-orm/migrations';

/** Reference number sequences (one per prefix and year) and idempotency keys. */
export class Migration0002ReferencesAndIdempotency extends Migration {
  override name = 'Migration0002ReferencesAndIdempotency';

  override up(): void {
    this.addSql(`create table intake.reference_counters (
      prefix text not null,
      year integer not null,
      last_value bigint not null,
      primary key (prefix, year)
    )`);
    this.addSql(`create table intake.idempotency_keys (
      scope text not null,
      key text not null,
      request_hash text not null,
      -- The first outcome, replayed to a retry; null while the first request is in flight.
      response jsonb,
      created_at timestamptz not null default clock_timestamp(),
      expires_at timestamptz not null,
      primary key (scope, key)
    )`);
    this.addSql('create index idempotency_keys_expires_idx on intake.idempotency_keys (expires_at)');
  }
}
