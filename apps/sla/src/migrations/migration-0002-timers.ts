import { Migration } from '@mikro-orm/migrations';

/**
 * Durable timers: every future instant the sla service must act on is a row, so a restart
 * or a crashed replica loses none of them.
 *
 * Scheduling is idempotent on `(complaint_id, kind, subject_key, due_at)` among timers that
 * were not cancelled: the same promise at the same instant is one timer however often it is
 * scheduled (a redelivered event, a retried transaction), and a fired row keeps it from
 * firing again. A natural key rather than a caller-made id, because every caller already
 * knows those four facts and would otherwise have to derive an id from them the same way.
 * Cancelled rows are left out of the key so a clock that is paused and resumed to the same
 * deadline (a pause with no open business time in it) can schedule that instant again.
 */
export class Migration0002Timers extends Migration {
  override name = 'Migration0002Timers';

  override up(): void {
    this.addSql(`create table sla.timers (
      id uuid primary key,
      complaint_id uuid not null,
      kind text not null,
      subject_key text not null,
      due_at timestamptz not null,
      payload jsonb not null default '{}'::jsonb,
      traceparent text,
      created_at timestamptz not null default clock_timestamp(),
      claimed_by text,
      claim_expires_at timestamptz,
      fired_at timestamptz,
      lag_ms bigint,
      late boolean,
      cancelled_at timestamptz,
      constraint timers_fired_or_cancelled check (fired_at is null or cancelled_at is null)
    )`);
    // The scheduler's only hot path: the next pending instants, in order.
    this.addSql(`create index timers_pending_due_idx on sla.timers (due_at) where fired_at is null and cancelled_at is null`);
    // Also serves cancelling by complaint (its leading column).
    this.addSql(
      `create unique index timers_schedule_key on sla.timers (complaint_id, kind, subject_key, due_at) where cancelled_at is null`,
    );
  }
}
