import { GetSlaReportRequest, SlaReport } from '@complaints/contracts';
import { InvalidInputError, NotFoundError, canSee } from '@complaints/domain';
import { PolicyDocument } from '@complaints/policy';
import { EntityManager } from '@mikro-orm/postgresql';
import { Clock } from '../timers';
import { slaReportMetrics } from './sla-report-figures';
import { SlaReportRepository } from './sla-report.repository';
import { reportWindowProblems } from './sla-report-window';

/** The latest published version of a policy (the service's `PolicyCatalog` registry). */
export interface LatestPolicies {
  get(policyId: string): PolicyDocument | undefined;
}

/**
 * How a policy's promises fared over a window, per clock metric and period, in the policy's
 * business time (ADR 0054). The policy scopes the report to its organisation: a policy id
 * keeps its first version's organisation, and another organisation's is "not found" (ADR 0005).
 */
export class GetSlaReport {
  constructor(
    private readonly em: EntityManager,
    private readonly repository: SlaReportRepository,
    private readonly policies: LatestPolicies,
    private readonly clock: Clock,
  ) {}

  async execute(request: GetSlaReportRequest): Promise<SlaReport> {
    const { principal, policyId, groupBy, metric } = request;
    const from = new Date(request.from);
    const to = new Date(request.to);
    const problems = reportWindowProblems(from, to);
    if (problems.length > 0) throw new InvalidInputError('the report window is not valid', problems);
    const policy = this.policies.get(policyId);
    if (!policy || !canSee(principal, policy.organisationId ?? null))
      throw new NotFoundError(`policy ${policyId}`);
    const metrics = [...new Set(policy.clocks.map((clock) => clock.id as string))];
    if (metric !== undefined && !metrics.includes(metric)) {
      throw new InvalidInputError(`policy ${policyId} has no ${metric} clock`, [
        { field: 'metric', message: `must be one of ${metrics.join(', ')}` },
      ]);
    }
    // The latest version's zone: a policy that moved zone is reported in its current one.
    const { zone } = policy.calendar;
    const tallies = await this.repository.tallies(this.em.fork(), {
      policyId,
      metric,
      from,
      to,
      groupBy,
      zone,
      now: this.clock.now(),
    });
    return {
      policyId,
      from: from.toISOString(),
      to: to.toISOString(),
      groupBy,
      zone,
      metrics: slaReportMetrics(tallies, metric === undefined ? metrics : [metric], zone),
    };
  }
}
