import { Migration } from '@mikro-orm/migrations';

/**
 * SLA clocks. `complaints` holds each complaint's facts as sla learnt them from its events
 * (what the planner needs, plus every clock event seen, so a re-plan after any event is
 * complete); `clocks` holds one row per clock and metric with its state and explanation.
 * A complaint's row is locked (`for update`) by whoever changes its clocks, so an event and
 * a firing timer never interleave on one complaint.
 */
export class Migration0003Clocks extends Migration {
  override name = 'Migration0003Clocks';

  override up(): void {
    this.addSql(`create table sla.complaints (
      complaint_id uuid primary key,
      policy_id text not null,
      policy_version integer not null,
      kind text not null,
      channel text not null,
      received_at timestamptz not null,
      first_contact_at timestamptz,
      upgraded_at timestamptz,
      third_party boolean not null,
      authorisation_verified_at timestamptz,
      information_requested_at timestamptz,
      expected_at timestamptz,
      pauses jsonb not null default '[]'::jsonb,
      stops jsonb not null default '[]'::jsonb,
      updated_at timestamptz not null
    )`);
    this.addSql(`create table sla.clocks (
      complaint_id uuid not null references sla.complaints (complaint_id),
      metric text not null,
      position integer not null,
      status text not null,
      started_at timestamptz,
      due_at timestamptz,
      warn_at timestamptz,
      met_at timestamptz,
      breached_at timestamptz,
      explanation text not null,
      steps jsonb not null,
      updated_at timestamptz not null,
      primary key (complaint_id, metric),
      constraint clocks_status check (status in ('pending', 'running', 'paused', 'met', 'breached', 'cancelled'))
    )`);
    // The sla_clocks gauge counts clocks by status on every scrape.
    this.addSql(`create index clocks_status_idx on sla.clocks (status)`);
  }
}
