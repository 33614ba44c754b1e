import { messagingTablesSql } from '@complaints/messaging';
import { Migration } from '@mikro-orm/migrations';

/** The complaint table and the messaging tables. */
export class Migration0001Initial extends Migration {
  override name = 'Migration0001Initial';

  override up(): void {
    for (const sql of messagingTablesSql('intake')) this.addSql(sql);
    this.addSql(`create table intake.complaints (
      id uuid primary key,
      policy_id text not null,
      kind text not null check (kind in ('inquiry', 'complaint')),
      channel text not null check (channel in ('email', 'phone', 'chat', 'web', 'in_person')),
      status text not null,
      received_at timestamptz not null,
      first_contact_at timestamptz,
      submitted_by text not null,
      created_at timestamptz not null default clock_timestamp()
    )`);
    this.addSql('create index complaints_submitted_by_idx on intake.complaints (submitted_by, received_at)');
  }
}
