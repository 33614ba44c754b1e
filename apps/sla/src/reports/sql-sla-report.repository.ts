import { executeSql } from '@complaints/persistence';
import { EntityManager } from '@mikro-orm/postgresql';
import { SlaTally } from './sla-report-figures';
import { SlaReportQuery, SlaReportRepository } from './sla-report.repository';

interface TallyRow {
  metric: string;
  period_start: Date | string | null;
  started: string;
  met: string;
  breached: string;
  running: string;
  median: string | null;
  p90: string | null;
  warned: string;
}

/** Enough to sort a 366-day window of 1,000,000 clocks (about 50 MB on disk) in memory. */
const REPORT_WORK_MEM = '128MB';

const optional = (value: string | null): number | null => (value === null ? null : Number(value));

/**
 * Counts in PostgreSQL, through `clocks_policy_started_idx`, in one pass: `grouping sets` gives
 * each period's figures and the window's (a median over the window is not one of the periods').
 * Periods are cut in the policy's zone: `date_trunc` on the local time, turned back into an
 * instant. `percentile_disc` gives a time some clock took (no interpolation) and skips the
 * clocks not yet measured. The ordered-set aggregates sort every clock of the window: with the
 * default 4 MB of `work_mem` a window of 250,000 clocks sorted on disk, so the report's own
 * transaction gives its sort `REPORT_WORK_MEM` (bench/sla/report.bench.mjs).
 */
export class SqlSlaReportRepository implements SlaReportRepository {
  tallies(em: EntityManager, query: SlaReportQuery): Promise<SlaTally[]> {
    return em.transactional(async (tx) => {
      await executeSql(tx, `select set_config('work_mem', ?, true)`, [REPORT_WORK_MEM]);
      return (await this.rows(tx, query)).map(tallyOf);
    });
  }

  private rows(em: EntityManager, query: SlaReportQuery): Promise<TallyRow[]> {
    return executeSql<TallyRow>(
      em,
      `select metric, period as period_start,
         count(*) as started,
         count(*) filter (where status = 'met') as met,
         count(*) filter (where status = 'breached') as breached,
         count(*) filter (where status in ('running', 'paused')) as running,
         percentile_disc(0.5) within group (order by elapsed_business_seconds) as median,
         percentile_disc(0.9) within group (order by elapsed_business_seconds) as p90,
         count(*) filter (where warned) as warned
       from (
         select metric, status, elapsed_business_seconds,
           date_trunc(?, started_at at time zone ?) at time zone ? as period,
           status <> 'cancelled' and warn_at is not null and warn_at < coalesce(met_at, breached_at, ?)
             and (due_at is null or warn_at < due_at) as warned
         from sla.clocks
         where policy_id = ? and started_at >= ? and started_at < ? and (?::text is null or metric = ?)
       ) clock
       group by grouping sets ((metric, period), (metric))`,
      [
        query.groupBy,
        query.zone,
        query.zone,
        query.now,
        query.policyId,
        query.from,
        query.to,
        query.metric ?? null,
        query.metric ?? null,
      ],
    );
  }
}

function tallyOf(row: TallyRow): SlaTally {
  return {
    metric: row.metric,
    periodStart: row.period_start === null ? null : new Date(row.period_start),
    started: Number(row.started),
    met: Number(row.met),
    breached: Number(row.breached),
    running: Number(row.running),
    medianBusinessSecondsToMeet: optional(row.median),
    p90BusinessSecondsToMeet: optional(row.p90),
    warned: Number(row.warned),
  };
}
