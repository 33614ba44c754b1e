import { ComplaintClosureWithdrawnV1 } from '@complaints/contracts';
import { ComplaintStatus } from '@complaints/domain';
import { Complaint, LifecycleChange } from '../complaints/complaint';
import { ClockBreachKey, ClosureOnBreach } from './clock-breaches';

/** The complaint's latest closure, as its timeline holds it. */
export interface LatestClosure {
  readonly eventId: string;
  /** The status the closure ended. */
  readonly previousStatus: ComplaintStatus;
}

/** `restore`: the closure is undone by this change. `none`: the complaint moved on since (`why` says how). */
export type ClosureWithdrawalDecision =
  | { readonly kind: 'restore'; readonly change: LifecycleChange }
  | { readonly kind: 'none'; readonly why: string };

/**
 * What sla's withdrawal of a breach makes of the closure a policy's closure rule made on it: the
 * complaint goes back to the status it had, as long as nothing happened to it since. A complaint
 * closed again since, or whose personal data was erased (nobody left to work it with), stays as it is.
 */
export function decideClosureWithdrawal(
  complaint: Pick<Complaint, 'status' | 'closeReason' | 'personalDataErasedAt'>,
  latest: LatestClosure | undefined,
  withdrawn: ClockBreachKey & ClosureOnBreach,
): ClosureWithdrawalDecision {
  if (complaint.status !== 'closed') return { kind: 'none', why: 'the complaint is no longer closed' };
  if (latest?.eventId !== withdrawn.closedEventId) return { kind: 'none', why: 'the complaint was closed again since' };
  if (complaint.personalDataErasedAt !== null) return { kind: 'none', why: 'its personal data was erased since' };
  const { closedEventId, breachEventId } = withdrawn;
  return {
    kind: 'restore',
    change: {
      command: { type: 'withdraw_closure', restoreTo: latest.previousStatus },
      sets: { closedAt: null, closeReason: null },
      event: ComplaintClosureWithdrawnV1,
      eventData: () => ({ closedEventId, reason: 'breach_withdrawn', breachEventId }),
      note:
        `Closure as ${complaint.closeReason} withdrawn: sla withdrew the breach of the ${withdrawn.metric} window at ` +
        `${withdrawn.dueAt.toISOString()} it was made on; the complaint is ${latest.previousStatus} again.`,
    },
  };
}
