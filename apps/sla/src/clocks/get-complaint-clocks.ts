import { ComplaintClocks, GetComplaintClocksRequest, SlaClockView } from '@complaints/contracts';
import { NotFoundError, canSee } from '@complaints/domain';
import { BusinessCalendar, planClocksForFacts, toZonedIso } from '@complaints/policy';
import { EntityManager } from '@mikro-orm/postgresql';
import { Clock } from '../timers';
import { PolicySource } from './policy-source';
import { withBusinessTime } from './clock-business-time';
import { ClockState } from './clock-state';
import { ComplaintClocksRepository } from './complaint-clocks.repository';
import { clockFactsOf } from './sla-complaint';

function viewOf(clock: ClockState, zone: string): SlaClockView {
  const iso = (date: Date | null): string | null => (date === null ? null : toZonedIso(date.getTime(), zone));
  return {
    metric: clock.metric,
    status: clock.status,
    startedAt: iso(clock.startedAt),
    dueAt: iso(clock.dueAt),
    warnAt: iso(clock.warnAt),
    metAt: iso(clock.metAt),
    breachedAt: iso(clock.breachedAt),
    elapsedBusinessSeconds: clock.elapsedBusinessSeconds ?? null,
    overdueBusinessSeconds: clock.overdueBusinessSeconds ?? null,
    explanation: clock.explanation,
    steps: [...clock.steps],
  };
}

/**
 * A complaint's clocks as the API shows them, instants in the policy's zone and the business
 * time of met and breached ones, to those who may see the complaint.
 */
export class GetComplaintClocks {
  constructor(
    private readonly em: EntityManager,
    private readonly repository: ComplaintClocksRepository,
    private readonly policies: PolicySource,
    private readonly clock: Clock,
  ) {}

  async execute(request: GetComplaintClocksRequest): Promise<ComplaintClocks> {
    const em = this.em.fork();
    const complaint = await this.repository.find(em, request.complaintId);
    const policy = complaint && this.policies.require(complaint.policyId, complaint.policyVersion);
    // sla checks the caller itself: another organisation's complaint is "not found" (OWASP API1).
    if (!complaint || !policy || !canSee(request.principal, policy.organisationId ?? null)) {
      throw new NotFoundError(`complaint ${request.complaintId}`);
    }
    const { zone } = policy.calendar;
    const facts = clockFactsOf(complaint);
    // A breached clock still waiting for its event is measured to now; stopped ones are as stored.
    const clocks = withBusinessTime(
      BusinessCalendar.of(policy.calendar),
      facts,
      planClocksForFacts(policy, facts),
      await this.repository.clocksOf(em, request.complaintId),
      this.clock.now(),
    );
    return {
      complaintId: complaint.complaintId,
      policyId: complaint.policyId,
      policyVersion: complaint.policyVersion,
      clocks: clocks.map((clock) => viewOf(clock, zone)),
    };
  }
}
