import { PlannedDeadline } from '@complaints/contracts';
import { PolicyDocument, clockPlanToJson, planClocksForFacts } from '@complaints/policy';
import { Complaint } from './complaint';

/**
 * The deadlines a complaint starts with, planned from the facts sla plans its clocks from on
 * `complaint.received` (no category: the event carries none), so the two agree.
 */
export function plannedDeadlines(policy: PolicyDocument, complaint: Complaint): PlannedDeadline[] {
  const plan = planClocksForFacts(policy, {
    kind: complaint.kind,
    channel: complaint.channel,
    receivedAt: complaint.receivedAt.getTime(),
    firstContactAt: complaint.firstContactAt?.getTime(),
    thirdParty: complaint.thirdPartyRelationship !== null,
    pauses: [],
    events: [],
  });
  return clockPlanToJson(plan).clocks.map((clock) => ({
    metric: clock.metric,
    status: clock.status,
    startedAt: clock.startedAt,
    dueAt: clock.dueAt,
    warnAt: clock.warnAt,
    explanation: clock.explanation,
  }));
}
