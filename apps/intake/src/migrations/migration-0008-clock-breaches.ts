import { Migration } from '@mikro-orm/migrations';

/**
 * The breaches sla reported of each complaint's clocks, and their withdrawals, keyed by the
 * clock and its deadline (what both events carry), so the `breached` mark follows whichever
 * of the two is processed first: it stands while a breach stands.
 */
export class Migration0008ClockBreaches extends Migration {
  override name = 'Migration0008ClockBreaches';

  override up(): void {
    this.addSql(`create table intake.clock_breaches (
      complaint_id uuid not null references intake.complaints (id),
      metric text not null,
      due_at timestamptz not null,
      -- The sla.clock-breached event; null while only its withdrawal has been processed.
      breach_event_id uuid,
      -- The sla.clock-breach-withdrawn event.
      withdrawn_by uuid,
      primary key (complaint_id, metric, due_at)
    )`);
  }
}
