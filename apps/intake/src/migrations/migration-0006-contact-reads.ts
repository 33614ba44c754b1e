import { Migration } from '@mikro-orm/migrations';

/**
 * Every read of a customer's contact data by another service (to send them a message, to
 * show them a survey in their language): who read it, why, and when. Append-only, so the
 * record answers a data-subject access request truthfully.
 */
export class Migration0006ContactReads extends Migration {
  override name = 'Migration0006ContactReads';

  override up(): void {
    this.addSql(`create table intake.contact_reads (
      id bigint generated always as identity primary key,
      complaint_id uuid not null references intake.complaints (id),
      requested_by text not null,
      purpose text not null,
      event_id uuid,
      read_at timestamptz not null default clock_timestamp()
    )`);
    this.addSql('create index contact_reads_complaint_idx on intake.contact_reads (complaint_id, id)');
    this.addSql(`create function intake.contact_reads_append_only() returns trigger language plpgsql as $$
      begin raise exception 'intake.contact_reads is append-only'; end $$`);
    this.addSql(`create trigger contact_reads_append_only before update or delete on intake.contact_reads
      for each row execute function intake.contact_reads_append_only()`);
  }
}
