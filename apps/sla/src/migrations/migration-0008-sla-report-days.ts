import { Migration } from '@mikro-orm/migrations';

/**
 * The SLA report's per-day tallies (ADR 0057).
 *
 * `report_days` holds, per policy, metric and day of the policy's zone, the figures of the clocks
 * that started that day and have settled (met, breached or cancelled: nothing about them moves
 * with time any more), with their business times as a sorted array of 4-byte integers so a
 * period's exact median and p90 are a merge, not a sort of every clock. `report_rollups` says
 * which zone a policy's days were cut in.
 *
 * `report_changes` is a log of the UTC days whose clocks were written: statement triggers
 * append to it in the writing transaction, and whoever refreshes a policy's days deletes the
 * rows it can see and recomputes those days. A write committed after the refresh read its rows
 * leaves its own row behind for the next refresh, so no change is missed; rows are only ever
 * appended by writers (no upsert, no shared row), so writers never wait on each other here.
 *
 * The running and paused clocks, whose `warned` depends on the time of the report, are counted
 * live through `clocks_policy_live_started_idx`.
 */
export class Migration0008SlaReportDays extends Migration {
  override name = 'Migration0008SlaReportDays';

  override up(): void {
    this.addSql(`create table sla.report_rollups (
      policy_id text primary key,
      zone text not null,
      refreshed_at timestamptz not null
    )`);
    this.addSql(`create table sla.report_days (
      policy_id text not null,
      metric text not null,
      day date not null,
      day_start timestamptz not null,
      day_end timestamptz not null,
      started integer not null,
      met integer not null,
      breached integer not null,
      warned integer not null,
      elapsed_business_seconds bytea not null,
      primary key (policy_id, day, metric)
    )`);
    this.addSql(`create table sla.report_changes (
      policy_id text not null,
      started_on date not null
    )`);
    this.addSql(`create index report_changes_policy_idx on sla.report_changes (policy_id)`);
    this.addSql(`create function sla.log_report_changes() returns trigger language plpgsql as $$
      begin
        if tg_op = 'INSERT' then
          insert into sla.report_changes (policy_id, started_on)
          select distinct policy_id, (started_at at time zone 'UTC')::date from new_rows where started_at is not null;
        elsif tg_op = 'UPDATE' then
          -- The old start too: a clock re-planned from another instant leaves its old day.
          insert into sla.report_changes (policy_id, started_on)
          select policy_id, (started_at at time zone 'UTC')::date from old_rows where started_at is not null
          union
          select policy_id, (started_at at time zone 'UTC')::date from new_rows where started_at is not null;
        else
          insert into sla.report_changes (policy_id, started_on)
          select distinct policy_id, (started_at at time zone 'UTC')::date from old_rows where started_at is not null;
        end if;
        return null;
      end
    $$`);
    this.addSql(`create trigger clocks_inserted_report_changes after insert on sla.clocks
      referencing new table as new_rows for each statement execute function sla.log_report_changes()`);
    this.addSql(`create trigger clocks_updated_report_changes after update on sla.clocks
      referencing old table as old_rows new table as new_rows for each statement execute function sla.log_report_changes()`);
    this.addSql(`create trigger clocks_deleted_report_changes after delete on sla.clocks
      referencing old table as old_rows for each statement execute function sla.log_report_changes()`);
    this.addSql(`create index clocks_policy_live_started_idx on sla.clocks (policy_id, started_at)
      where status in ('pending', 'running', 'paused')`);
    // Clocks written before this migration: every day of every policy is to be counted.
    this.addSql(`insert into sla.report_changes (policy_id, started_on)
      select distinct policy_id, (started_at at time zone 'UTC')::date from sla.clocks where started_at is not null`);
  }
}
