import { Migration } from '@mikro-orm/migrations';

/** Published policy versions: intake is their system of record, the POLICIES stream distributes them. */
export class Migration0003PolicyVersions extends Migration {
  override name = 'Migration0003PolicyVersions';

  override up(): void {
    this.addSql(`create table intake.policy_versions (
      policy_id text not null,
      version integer not null check (version > 0),
      effective_from timestamptz not null,
      document jsonb not null,
      digest text not null,
      event_id uuid not null unique,
      published_by jsonb not null,
      published_at timestamptz not null default clock_timestamp(),
      primary key (policy_id, version)
    )`);
  }
}
