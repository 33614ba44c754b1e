import { Migration } from '@mikro-orm/migrations';

/**
 * Every complaint event that touches a clock, as sla received it, so a complaint's facts and
 * clocks are rebuilt from its history in the order things happened rather than the order
 * they reached sla (ADR 0056). An event whose complaint's receipt has not arrived waits here
 * until it does. `complaints` stays the folded facts, rewritten after every event.
 */
export class Migration0006ComplaintEvents extends Migration {
  override name = 'Migration0006ComplaintEvents';

  override up(): void {
    this.addSql(`create table sla.complaint_events (
      event_id uuid primary key,
      complaint_id uuid not null,
      occurred_at timestamptz not null,
      envelope jsonb not null,
      received_at timestamptz not null default clock_timestamp()
    )`);
    // The only read: one complaint's history, in the order it is folded.
    this.addSql(`create index complaint_events_history_idx on sla.complaint_events (complaint_id, occurred_at, event_id)`);
  }
}
