import { ComplaintClosedV1, EventOf, SlaClockBreachWithdrawnV1 } from '@complaints/contracts';
import { EventSink } from '@complaints/messaging';
import { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable } from '@nestjs/common';
import { Complaint, changeLifecycle, markBreached } from '../complaints/complaint';
import { ComplaintChanges } from '../complaints/complaint-changes';
import { ComplaintHistory } from '../complaints/complaint-history';
import { COMPLAINT_REPOSITORY, ComplaintRepository } from '../complaints/complaint.repository';
import { CLOSURE_RULE_ACTOR } from './apply-policy-closure';
import { CLOCK_BREACHES, ClockBreachKey, ClockBreachRepository, ClosureOnBreach } from './clock-breaches';
import { decideClosureWithdrawal } from './decide-closure-withdrawal';

/**
 * A breach sla withdrew goes on the complaint's timeline beside whatever it caused (a level
 * raised and lowered again, a closure under the policy's rule), so an agent sees the promise
 * was kept after all. The complaint stays marked breached only while another breach of it
 * stands; a breach processed after its withdrawal then changes nothing. A closure the policy's
 * rule made on the breach is withdrawn: the customer who answered in time gets their complaint
 * back in the status it had, announced by `complaint.closure-withdrawn` (ADR 0056).
 */
@Injectable()
export class RecordBreachWithdrawal {
  constructor(
    @Inject(COMPLAINT_REPOSITORY) private readonly complaints: ComplaintRepository,
    @Inject(CLOCK_BREACHES) private readonly breaches: ClockBreachRepository,
    private readonly history: ComplaintHistory,
    private readonly changes: ComplaintChanges,
  ) {}

  /** False when intake has no such complaint. */
  async execute(
    tx: EntityManager,
    events: EventSink,
    event: EventOf<typeof SlaClockBreachWithdrawnV1> & { readonly complaintId: string },
  ): Promise<boolean> {
    const locked = await this.complaints.lockForChange(tx, event.complaintId);
    if (!locked) return false;
    const withdrawn = { complaintId: locked.id, metric: event.data.metric, dueAt: new Date(event.data.breachedAt) };
    const closure = await this.breaches.recordWithdrawal(tx, withdrawn, event.id);
    const marked = markBreached(locked, await this.breaches.anyStanding(tx, locked.id), new Date());
    if (marked) await this.complaints.save(tx, marked);
    await this.history.record(tx, event);
    if (closure) await this.withdrawClosure(tx, events, marked ?? locked, { ...withdrawn, ...closure });
    return true;
  }

  private async withdrawClosure(
    tx: EntityManager,
    events: EventSink,
    complaint: Complaint,
    withdrawn: ClockBreachKey & ClosureOnBreach,
  ): Promise<void> {
    const latest = await this.history.latestOfType(tx, complaint.id, ComplaintClosedV1.type);
    const closedBy = latest && { eventId: latest.eventId, previousStatus: ComplaintClosedV1.data.parse(latest.data).previousStatus };
    const decision = decideClosureWithdrawal(complaint, closedBy, withdrawn);
    if (decision.kind === 'none') return;
    const now = new Date();
    await this.changes.commit(tx, events, changeLifecycle(complaint, decision.change, now), CLOSURE_RULE_ACTOR);
  }
}
