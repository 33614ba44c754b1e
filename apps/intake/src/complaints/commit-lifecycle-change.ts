import { Actor, Envelope, EventContract } from '@complaints/contracts';
import { decideTransition } from '@complaints/domain';
import { createEvent } from '@complaints/messaging';
import { EntityManager } from '@mikro-orm/postgresql';
import { ComplaintHistory } from './complaint-history';
import { ComplaintRecord } from './complaint.entity';
import { LifecycleChange } from './lifecycle-change';

/** Records an event in the outbox of the caller's transaction. */
export type AppendEvent = (contract: EventContract, event: Envelope) => Promise<void>;

/**
 * One lifecycle change on a complaint the caller has locked: the state machine decides (and
 * throws on an illegal change, leaving the complaint as it was), then the new state, its
 * event and the history entry are written in the caller's transaction. Whether an agent or a
 * policy rule asked for it, a change reads the same on the bus and on the timeline.
 */
export async function commitLifecycleChange(
  tx: EntityManager,
  append: AppendEvent,
  history: ComplaintHistory,
  complaint: ComplaintRecord,
  change: LifecycleChange,
  actor: Actor,
  now: Date,
): Promise<Envelope> {
  const before = { ...complaint };
  const next = decideTransition(
    {
      status: complaint.status,
      kind: complaint.kind,
      acknowledged: complaint.acknowledged,
      hasSeller: complaint.sellerId !== null,
      disputeTier: complaint.disputeTier,
    },
    change.command,
  );
  complaint.status = next.status;
  complaint.kind = next.kind;
  complaint.acknowledged = next.acknowledged;
  complaint.updatedAt = now;
  change.record(complaint);
  await tx.flush();
  const event = createEvent(change.event, {
    complaintId: complaint.id,
    actor,
    occurredAt: now,
    data: {
      policyId: complaint.policyId,
      policyVersion: complaint.policyVersion,
      reference: complaint.reference,
      kind: complaint.kind,
      status: complaint.status,
      previousStatus: before.status,
      ...change.eventData(before),
    },
  });
  await append(change.event, event);
  await history.record(tx, event, change.note);
  return event;
}
