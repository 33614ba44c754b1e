import { ComplaintClocks, GetComplaintClocksRequest, SlaClockView } from '@complaints/contracts';
import { NotFoundError } from '@complaints/domain';
import { toZonedIso } from '@complaints/policy';
import { EntityManager } from '@mikro-orm/postgresql';
import { PolicySource } from './apply-complaint-event';
import { ClockState } from './clock-state';
import { ComplaintClocksRepository } from './complaint-clocks.repository';

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
    explanation: clock.explanation,
    steps: [...clock.steps],
  };
}

/** A complaint's clocks as the API shows them, instants in the policy's zone. */
export class GetComplaintClocks {
  constructor(
    private readonly em: EntityManager,
    private readonly repository: ComplaintClocksRepository,
    private readonly policies: PolicySource,
  ) {}

  async execute(request: GetComplaintClocksRequest): Promise<ComplaintClocks> {
    const em = this.em.fork();
    const complaint = await this.repository.find(em, request.complaintId);
    if (!complaint) throw new NotFoundError(`complaint ${request.complaintId}`);
    const { zone } = this.policies.require(complaint.policyId, complaint.policyVersion).calendar;
    const clocks = await this.repository.clocksOf(em, request.complaintId);
    return {
      complaintId: complaint.complaintId,
      policyId: complaint.policyId,
      policyVersion: complaint.policyVersion,
      clocks: clocks.map((clock) => viewOf(clock, zone)),
    };
  }
}
