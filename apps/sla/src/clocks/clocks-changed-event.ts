import { SlaChangedClock, SlaClocksChangedV1 } from '@complaints/contracts';
import { NewEvent, derivedEventId } from '@complaints/messaging';
import { SLA_SYSTEM } from '../timers';
import { ClockChange } from './clock-changes';
import { ComplaintEnvelope } from './complaint-event-rules';
import { SlaComplaint } from './sla-complaint';

const iso = (instant: Date | null): string | null => instant?.toISOString() ?? null;

function changedClockOf({ previous, current }: ClockChange): SlaChangedClock {
  return {
    metric: current.metric,
    status: current.status,
    previousStatus: previous?.status ?? null,
    startedAt: iso(current.startedAt),
    dueAt: iso(current.dueAt),
    warnAt: iso(current.warnAt),
    metAt: iso(current.metAt),
    breachedAt: iso(current.breachedAt),
    previousDueAt: iso(previous?.dueAt ?? null),
  };
}

/**
 * Announces the clocks a complaint event changed. Its id derives from the cause's, and it
 * occurred when its cause did: a replay of the same complaint event (a refilled stream, a
 * restored database) announces the same event under the same id. The instant of the cause
 * also keeps the change beside the fact that made it in the register's history, however late
 * sla got to it.
 */
export function clocksChangedEvent(
  complaint: SlaComplaint,
  cause: ComplaintEnvelope,
  changes: readonly ClockChange[],
): NewEvent<typeof SlaClocksChangedV1> {
  return {
    id: derivedEventId(cause.id, SlaClocksChangedV1.type),
    complaintId: complaint.complaintId,
    actor: SLA_SYSTEM,
    occurredAt: new Date(cause.occurredAt),
    data: {
      policyId: complaint.policyId,
      policyVersion: complaint.policyVersion,
      cause: { eventId: cause.id, type: cause.type },
      clocks: changes.map(changedClockOf),
    },
  };
}
