import { CloseReason, ComplaintStatus } from '@complaints/domain';
import { PolicyDocument } from '@complaints/policy';

/** A clock's deadline passed while it was running (what `sla.clock-breached` says). */
export interface ClockWindowEnded {
  readonly metric: string;
  readonly dueAt: Date;
}

export interface ComplaintAtWindowEnd {
  readonly status: ComplaintStatus;
  /** The customer's latest reply, when intake recorded it; a reply after the window ended answers it. */
  readonly lastCustomerReplyAt: Date | null;
}

/**
 * `close`: the policy closes the complaint now, with that reason. `propose`: the policy
 * allows closing it so, and an agent decides; the window's end goes on the timeline.
 * `none`: no closure rule names the clock, or the complaint has moved on since the window
 * ended (`why` says how).
 */
export type PolicyClosureDecision =
  | { readonly kind: 'close' | 'propose'; readonly reason: CloseReason; readonly note: string }
  | { readonly kind: 'none'; readonly why: string };

/**
 * What a policy's closure rules (Modmount: `non_cooperation` after the customer's window to
 * answer, `stale` past the complaint's age limit) make of a clock's window ending.
 */
export function decidePolicyClosure(
  policy: Pick<PolicyDocument, 'id' | 'version' | 'closure'>,
  complaint: ComplaintAtWindowEnd,
  ended: ClockWindowEnded,
): PolicyClosureDecision {
  const rule = policy.closure.find((candidate) => candidate.clock === ended.metric);
  if (!rule) return { kind: 'none', why: `policy ${policy.id} v${policy.version} has no closure rule for ${ended.metric}` };
  if (complaint.status === 'closed') return { kind: 'none', why: 'the complaint is closed already' };
  // sla saw no reply before the deadline, but intake may have recorded one since: the customer did cooperate, late.
  if (
    rule.closeAs === 'non_cooperation' &&
    complaint.lastCustomerReplyAt !== null &&
    complaint.lastCustomerReplyAt > ended.dueAt
  ) {
    return { kind: 'none', why: 'the customer replied after the window ended' };
  }
  const rationale =
    `the ${ended.metric} window ended at ${ended.dueAt.toISOString()} with the clock still running; ` +
    `policy ${policy.id} v${policy.version}`;
  return rule.mode === 'auto_close'
    ? { kind: 'close', reason: rule.closeAs, note: `Closed as ${rule.closeAs}: ${rationale} closes such complaints.` }
    : { kind: 'propose', reason: rule.closeAs, note: `May be closed as ${rule.closeAs}: ${rationale} allows it.` };
}
