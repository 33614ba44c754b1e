import { EntityManager } from '@mikro-orm/postgresql';
import { LatestPolicies } from './get-sla-report';

/** Where a policy's report days are kept (`SqlSlaReportDays`). */
export interface ReportDays {
  policiesWithChanges(em: EntityManager): Promise<string[]>;
  /** Brings the policy's days up to date in `zone`; false when another transaction is at it. */
  tryRefresh(tx: EntityManager, policyId: string, zone: string): Promise<boolean>;
}

/**
 * Counts the clock changes of every policy into its report days, in the background, so a
 * report finds little to recount and the change log stays short even when nobody asks for
 * reports. A policy another replica (or a report) is refreshing is skipped: it is in hand.
 */
export class RefreshReportDays {
  constructor(
    private readonly days: ReportDays,
    private readonly policies: LatestPolicies,
  ) {}

  /** The policies whose days were brought up to date. */
  async execute(em: EntityManager): Promise<string[]> {
    const refreshed: string[] = [];
    for (const policyId of await this.days.policiesWithChanges(em)) {
      // A policy the catalogue has not caught up with yet keeps its changes for a later run.
      const zone = this.policies.get(policyId)?.calendar.zone;
      if (zone === undefined) continue;
      if (await em.fork().transactional((tx) => this.days.tryRefresh(tx, policyId, zone))) refreshed.push(policyId);
    }
    return refreshed;
  }
}
