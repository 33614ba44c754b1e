import { Migration } from '@mikro-orm/migrations';

/**
 * Breaches sla withdrew, by the `sla.clock-breached` event each withdrawal names. A withdrawal
 * can be processed before its breach (redelivery reorders the SLA stream): the breach then
 * finds itself here and raises nothing, so both orders end at the same level.
 */
export class Migration0005WithdrawnBreaches extends Migration {
  override name = 'Migration0005WithdrawnBreaches';

  override up(): void {
    this.addSql(`create table escalation.withdrawn_breaches (
      breach_event_id uuid primary key,
      complaint_id uuid not null references escalation.complaint_ladders (complaint_id),
      -- The sla.clock-breach-withdrawn event.
      withdrawal_event_id uuid not null,
      recorded_at timestamptz not null default clock_timestamp()
    )`);
  }
}
