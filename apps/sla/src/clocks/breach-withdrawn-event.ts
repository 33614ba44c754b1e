import { SlaClockBreachWithdrawnV1 } from '@complaints/contracts';
import { NewEvent, derivedEventId } from '@complaints/messaging';
import { SLA_SYSTEM } from '../timers';
import { WithdrawnBreach } from './breach-withdrawals';
import { ComplaintEnvelope } from './complaint-event-rules';
import { SlaComplaint } from './sla-complaint';

const iso = (instant: Date | null): string | null => instant?.toISOString() ?? null;

/**
 * Withdraws a breach the late event `cause` contradicts, naming its `sla.clock-breached` event
 * when the breach timer is still kept. Its id derives from the cause's and
 * the clock, so a replay of the cause withdraws under the same id; it is dated when sla learnt
 * of it, the cause's own instant being before the breach it withdraws.
 */
export function breachWithdrawnEvent(
  complaint: SlaComplaint,
  cause: ComplaintEnvelope,
  { breachedAt, current, breachEventId }: WithdrawnBreach & { readonly breachEventId: string | undefined },
  now: Date,
): NewEvent<typeof SlaClockBreachWithdrawnV1> {
  return {
    id: derivedEventId(cause.id, `${SlaClockBreachWithdrawnV1.type}/${current.metric}`),
    complaintId: complaint.complaintId,
    actor: SLA_SYSTEM,
    occurredAt: now,
    data: {
      metric: current.metric,
      policyId: complaint.policyId,
      policyVersion: complaint.policyVersion,
      breachedAt: breachedAt.toISOString(),
      ...(breachEventId ? { breachEventId } : {}),
      status: current.status,
      dueAt: iso(current.dueAt),
      metAt: iso(current.metAt),
      cause: { eventId: cause.id, type: cause.type },
    },
  };
}
