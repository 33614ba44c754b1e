import { SlaReportGrouping } from '@complaints/contracts';
import { EntityManager } from '@mikro-orm/postgresql';
import { SlaTally } from './sla-report-figures';

/** The clocks a report counts: a policy's, started in [from, to), of one metric or all. */
export interface SlaReportQuery {
  readonly policyId: string;
  readonly metric: string | undefined;
  readonly from: Date;
  readonly to: Date;
  readonly groupBy: SlaReportGrouping;
  /** The policy's time zone, whose days, weeks and months the periods are. */
  readonly zone: string;
  /** A running clock whose warning instant is before now has warned. */
  readonly now: Date;
}

/** Where the report's figures are counted. */
export interface SlaReportRepository {
  /** Per metric, one tally per period with clocks and one for the whole window. */
  tallies(em: EntityManager, query: SlaReportQuery): Promise<SlaTally[]>;
}
