import { executeSql } from '@complaints/persistence';
import { EntityManager } from '@mikro-orm/postgresql';
import { namedParams } from './named-params';
import { SlaTally } from './sla-report-figures';
import { SlaReportQuery, SlaReportRepository } from './sla-report.repository';
import { TallyPart, combineTallyParts } from './sla-report-tallies';
import { LIVE_CLOCK, SqlSlaReportDays, raiseReportWorkMem, warnedBefore } from './sql-sla-report-days';

interface PartRow {
  metric: string;
  period_start: Date | string;
  started: string | number;
  met: string | number;
  breached: string | number;
  running: string | number;
  warned: string | number;
}

interface StoredDayRow extends PartRow {
  elapsed_business_seconds: Buffer;
}

interface LiveRow extends PartRow {
  elapsed_business_seconds: number[];
}

/**
 * The whole local days of the window, `[covered_from, covered_to)`, empty when the window lies
 * inside one day: the stored days cover them; the partial days at either edge are counted live.
 */
const COVERED = `with bounds as (
    select date_trunc('day', $from::timestamptz at time zone $zone) at time zone $zone as from_day_start,
      date_trunc('day', $to::timestamptz at time zone $zone) at time zone $zone as to_day_start
  ), covered as (
    select covered_from, greatest(covered_from, to_day_start) as covered_to
    from bounds, lateral (select case when from_day_start = $from::timestamptz then from_day_start
      else (date_trunc('day', $from::timestamptz at time zone $zone) + interval '1 day') at time zone $zone end as covered_from) start
  )`;

const ONE_METRIC = `($metric::text is null or metric = $metric)`;

const STORED_DAYS = `${COVERED}
  select metric, date_trunc($grouping, day::timestamp) at time zone $zone as period_start,
    started, met, breached, 0 as running, warned, elapsed_business_seconds
  from sla.report_days, covered
  where policy_id = $policy and day_start >= covered_from and day_end <= covered_to and ${ONE_METRIC}`;

const CLOCK_COLUMNS = `metric, status, started_at, due_at, warn_at, met_at, breached_at, elapsed_business_seconds`;

/** The window's edges, every clock; the covered days, the running ones. */
const LIVE_CLOCKS = `${COVERED}
  select metric, date_trunc($grouping, started_at at time zone $zone) at time zone $zone as period_start,
    count(*) as started,
    count(*) filter (where status = 'met') as met,
    count(*) filter (where status = 'breached') as breached,
    count(*) filter (where status in ('running', 'paused')) as running,
    count(*) filter (where ${warnedBefore('$now')}) as warned,
    coalesce(array_agg(least(elapsed_business_seconds, 2147483647)::int4)
      filter (where elapsed_business_seconds is not null), '{}') as elapsed_business_seconds
  from (
    select ${CLOCK_COLUMNS} from sla.clocks, covered
    where policy_id = $policy and started_at >= $from and started_at < least(covered_from, $to) and ${ONE_METRIC}
    union all
    select ${CLOCK_COLUMNS} from sla.clocks, covered
    where policy_id = $policy and started_at >= covered_to and started_at < $to and ${ONE_METRIC}
    union all
    select ${CLOCK_COLUMNS} from sla.clocks, covered
    where policy_id = $policy and started_at >= covered_from and started_at < covered_to and ${LIVE_CLOCK} and ${ONE_METRIC}
  ) clock
  group by metric, period_start`;

function partOf(row: PartRow, elapsedBusinessSeconds: ArrayLike<number>): TallyPart {
  return {
    metric: row.metric,
    periodStart: new Date(row.period_start),
    started: Number(row.started),
    met: Number(row.met),
    breached: Number(row.breached),
    running: Number(row.running),
    warned: Number(row.warned),
    elapsedBusinessSeconds,
  };
}

/** The 4-byte big-endian integers `sla.report_days` stores. */
function decodeElapsed(bytes: Buffer): Int32Array {
  const values = new Int32Array(bytes.length / 4);
  for (let index = 0; index < values.length; index += 1) values[index] = bytes.readInt32BE(index * 4);
  return values;
}

/**
 * Counts a window from the policy's stored days (ADR 0057), brought up to date first in the
 * report's own transaction, and from the clocks whose figures still move or that started in a
 * partial day at an edge of the window, counted live. Periods are cut in the policy's zone;
 * medians and p90s are PostgreSQL's `percentile_disc` over the merged business times.
 */
export class SqlSlaReportRepository implements SlaReportRepository {
  constructor(private readonly days = new SqlSlaReportDays()) {}

  tallies(em: EntityManager, query: SlaReportQuery): Promise<SlaTally[]> {
    return em.transactional(async (tx) => {
      await raiseReportWorkMem(tx);
      await this.days.refresh(tx, query.policyId, query.zone);
      const values = {
        policy: query.policyId,
        from: query.from,
        to: query.to,
        zone: query.zone,
        grouping: query.groupBy,
        metric: query.metric ?? null,
        now: query.now,
      };
      const stored = await executeSql<StoredDayRow>(tx, ...namedParams(STORED_DAYS, values));
      const live = await executeSql<LiveRow>(tx, ...namedParams(LIVE_CLOCKS, values));
      return combineTallyParts([
        ...stored.map((row) => partOf(row, decodeElapsed(row.elapsed_business_seconds))),
        ...live.map((row) => partOf(row, row.elapsed_business_seconds)),
      ]);
    });
  }
}
