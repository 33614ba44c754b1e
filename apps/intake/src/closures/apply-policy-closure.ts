import { Actor, EventOf, SlaClockBreachedV1 } from '@complaints/contracts';
import { EventSink } from '@complaints/messaging';
import { executeSql } from '@complaints/persistence';
import { PolicyCatalog } from '@complaints/policy-catalog';
import { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable } from '@nestjs/common';
import { changeLifecycle, markBreached } from '../complaints/complaint';
import { ComplaintChanges } from '../complaints/complaint-changes';
import { ComplaintHistory } from '../complaints/complaint-history';
import { COMPLAINT_REPOSITORY, ComplaintRepository } from '../complaints/complaint.repository';
import { lifecycleChange } from '../complaints/lifecycle-change';
import { CLOCK_BREACHES, ClockBreachRepository } from './clock-breaches';
import { PolicyClosureDecision, decidePolicyClosure } from './decide-policy-closure';

/** Who closes a complaint under a policy's closure rule: the rule itself, no person. */
export const CLOSURE_RULE_ACTOR: Actor = { kind: 'system', id: 'policy-closure-rule' };

/**
 * Turns a clock breach into what it means for the complaint: it is recorded and the complaint
 * marked breached (lists filter on it), and its policy may say more: a closure with its reason (`auto_close`), or a
 * note on the timeline that an agent may close it (`may_close`).
 * Runs in the consumer's transaction, with the complaint locked like any lifecycle command.
 */
@Injectable()
export class ApplyPolicyClosure {
  constructor(
    private readonly catalog: PolicyCatalog,
    @Inject(COMPLAINT_REPOSITORY) private readonly complaints: ComplaintRepository,
    @Inject(CLOCK_BREACHES) private readonly breaches: ClockBreachRepository,
    private readonly changes: ComplaintChanges,
    private readonly history: ComplaintHistory,
  ) {}

  /** Undefined when intake has no such complaint. */
  async execute(
    tx: EntityManager,
    events: EventSink,
    breach: EventOf<typeof SlaClockBreachedV1> & { readonly complaintId: string },
  ): Promise<PolicyClosureDecision | undefined> {
    const locked = await this.complaints.lockForChange(tx, breach.complaintId);
    if (!locked) return undefined;
    const reported = { complaintId: breach.complaintId, metric: breach.data.metric, dueAt: new Date(breach.data.dueAt) };
    // Its withdrawal was processed first (the two come on different consumers): a false breach changes nothing.
    if (!(await this.breaches.recordBreach(tx, reported, breach.id))) return { kind: 'none', why: 'sla withdrew this breach' };
    const marked = markBreached(locked, true, new Date());
    if (marked) await this.complaints.save(tx, marked);
    const complaint = marked ?? locked;
    const policy = this.catalog.registry.require(complaint.policyId, complaint.policyVersion);
    const decision = decidePolicyClosure(
      policy,
      { status: complaint.status, lastCustomerReplyAt: await this.lastCustomerReplyAt(tx, complaint.id) },
      { metric: breach.data.metric, dueAt: new Date(breach.data.dueAt) },
    );
    switch (decision.kind) {
      case 'close': {
        const now = new Date();
        const close = lifecycleChange({ type: 'close', body: { reason: decision.reason, note: decision.note } }, policy, now);
        const closed = await this.changes.commit(tx, events, changeLifecycle(complaint, close, now), CLOSURE_RULE_ACTOR);
        // So the withdrawal of this breach, should sla find it false, undoes this very closure.
        await this.breaches.recordClosure(tx, reported, closed.id);
        break;
      }
      case 'propose':
        await this.history.record(tx, breach, decision.note);
        break;
      case 'none':
        break;
    }
    return decision;
  }

  private async lastCustomerReplyAt(tx: EntityManager, complaintId: string): Promise<Date | null> {
    const [row] = await executeSql<{ at: Date | null }>(
      tx,
      `select max(occurred_at) as at from intake.complaint_history
       where complaint_id = ? and type = 'complaint.customer-replied'`,
      [complaintId],
    );
    return row?.at ? new Date(row.at) : null;
  }
}
