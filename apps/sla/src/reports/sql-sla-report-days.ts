import { executeSql, pgArray } from '@complaints/persistence';
import { EntityManager } from '@mikro-orm/postgresql';
import { namedParams } from './named-params';
import { ReportDays } from './refresh-report-days';

/** Enough to count a year of 1,000,000 clocks into days in memory. */
const REPORT_WORK_MEM = '128MB';

/** Gives the transaction's sorts (counting days, the live count) `REPORT_WORK_MEM`. */
export async function raiseReportWorkMem(tx: EntityManager): Promise<void> {
  await executeSql(tx, `select set_config('work_mem', ?, true)`, [REPORT_WORK_MEM]);
}

/**
 * The clocks counted live at each report: their `warned` moves with time. Written as the
 * predicate of `clocks_policy_live_started_idx`, so the planner uses it.
 */
export const LIVE_CLOCK = `status in ('pending', 'running', 'paused')`;
/** The clocks whose report figures no longer move with time: stored per day. */
const SETTLED_CLOCK = `status in ('met', 'breached', 'cancelled')`;

/**
 * A clock warned if its warning instant came before it was met or breached (and before its
 * deadline); `unstopped` stands for the stop of a clock that has none yet: now, for the live
 * count, and never for a settled clock.
 */
export const warnedBefore = (unstopped: string) => `status <> 'cancelled' and warn_at is not null
  and warn_at < coalesce(met_at, breached_at, ${unstopped}) and (due_at is null or warn_at < due_at)`;

/**
 * Business times as 4-byte big-endian integers, sorted: a day of clocks in a few kilobytes that
 * node decodes without parsing text. No clock runs 68 years of business time; the clamp keeps
 * a corrupt figure from failing the whole report.
 */
const ELAPSED_ARRAY = `coalesce(string_agg(int4send(least(elapsed_business_seconds, 2147483647)::int4), ''::bytea
  order by elapsed_business_seconds) filter (where elapsed_business_seconds is not null), ''::bytea)`;

/** Per metric and local day, the settled clocks of `clocks` (an aliased row source with `day`). */
const insertDays = (clocks: string) => `insert into sla.report_days
    (policy_id, metric, day, day_start, day_end, started, met, breached, warned, elapsed_business_seconds)
  select policy_id, metric, day, day::timestamp at time zone $zone, (day + 1)::timestamp at time zone $zone,
    count(*), count(*) filter (where status = 'met'), count(*) filter (where status = 'breached'),
    count(*) filter (where ${warnedBefore(`'infinity'`)}), ${ELAPSED_ARRAY}
  from (${clocks}) clock
  where ${SETTLED_CLOCK}
  group by policy_id, metric, day`;

/** One policy's refreshes wait for each other (`pg_advisory_xact_lock` over its hash). */
const lockKey = (policyId: string) => `sla.report_days ${policyId}`;

/**
 * Keeps `sla.report_days` up to date with `sla.clocks` (migration 0008, ADR 0057). A refresh
 * runs in its caller's transaction under a per-policy advisory lock: the report's, before it
 * reads the days, or the background refresher's.
 */
export class SqlSlaReportDays implements ReportDays {
  /** Brings a policy's days up to date, cut in `zone`; waits for a refresh of the policy under way. */
  async refresh(tx: EntityManager, policyId: string, zone: string): Promise<void> {
    await executeSql(tx, `select pg_advisory_xact_lock(hashtext(?))`, [lockKey(policyId)]);
    await this.refreshLocked(tx, policyId, zone);
  }

  /** As `refresh`, unless another transaction is refreshing the policy: then false, at once. */
  async tryRefresh(tx: EntityManager, policyId: string, zone: string): Promise<boolean> {
    const [row] = await executeSql<{ locked: boolean }>(tx, `select pg_try_advisory_xact_lock(hashtext(?)) as locked`, [
      lockKey(policyId),
    ]);
    if (!row?.locked) return false;
    await raiseReportWorkMem(tx);
    await this.refreshLocked(tx, policyId, zone);
    return true;
  }

  /** The policies with clock writes not yet counted into their days. */
  async policiesWithChanges(em: EntityManager): Promise<string[]> {
    const rows = await executeSql<{ policy_id: string }>(em, `select distinct policy_id from sla.report_changes`);
    return rows.map((row) => row.policy_id);
  }

  private async refreshLocked(tx: EntityManager, policyId: string, zone: string): Promise<void> {
    const [rollup] = await executeSql<{ zone: string }>(tx, `select zone from sla.report_rollups where policy_id = ?`, [policyId]);
    // Each statement below reads a newer snapshot than the one before: the changes deleted
    // were committed before the clocks are read, so the days recomputed hold them.
    const changed = await this.takeChangedDays(tx, policyId, zone);
    if (rollup?.zone === zone) {
      if (changed.length > 0) await this.recount(tx, policyId, zone, changed);
    } else {
      await this.recountAll(tx, policyId, zone);
    }
    await executeSql(
      tx,
      `insert into sla.report_rollups (policy_id, zone, refreshed_at) values (?, ?, now())
       on conflict (policy_id) do update set zone = excluded.zone, refreshed_at = excluded.refreshed_at`,
      [policyId, zone],
    );
  }

  /** Deletes the change rows this transaction can see; returns the local days they touch. */
  private async takeChangedDays(tx: EntityManager, policyId: string, zone: string): Promise<string[]> {
    const rows = await executeSql<{ day: string }>(
      tx,
      `with changed as (delete from sla.report_changes where policy_id = ? returning started_on)
       select distinct to_char((edge at time zone ?)::date, 'YYYY-MM-DD') as day
       from (select distinct started_on from changed) utc_day,
         lateral (values (started_on::timestamp at time zone 'UTC'),
                         ((started_on + 1)::timestamp at time zone 'UTC' - interval '1 microsecond')) as edges(edge)`,
      [policyId, zone],
    );
    return rows.map((row) => row.day);
  }

  private async recount(tx: EntityManager, policyId: string, zone: string, days: readonly string[]): Promise<void> {
    await executeSql(tx, `delete from sla.report_days where policy_id = ? and day = any(?::date[])`, [policyId, pgArray(days)]);
    const clocks = `select c.*, d.day from unnest($days::date[]) as d(day)
      join sla.clocks c on c.policy_id = $policy
        and c.started_at >= d.day::timestamp at time zone $zone and c.started_at < (d.day + 1)::timestamp at time zone $zone`;
    await executeSql(tx, ...namedParams(insertDays(clocks), { days: pgArray(days), policy: policyId, zone }));
  }

  private async recountAll(tx: EntityManager, policyId: string, zone: string): Promise<void> {
    await executeSql(tx, `delete from sla.report_days where policy_id = ?`, [policyId]);
    const clocks = `select c.*, (c.started_at at time zone $zone)::date as day
      from sla.clocks c where c.policy_id = $policy and c.started_at is not null`;
    await executeSql(tx, ...namedParams(insertDays(clocks), { policy: policyId, zone }));
  }
}
