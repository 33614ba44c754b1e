import { SlaClocksChangedV1 } from '@complaints/contracts';
import { EventSink } from '@complaints/messaging';
import { PolicyDocument, planClocksForFacts } from '@complaints/policy';
import { EntityManager } from '@mikro-orm/postgresql';
import { Clock } from '../timers';
import { clockChanges } from './clock-changes';
import { ClockTimerWriter } from './clock-timer-writer';
import { clockTimerChanges } from './clock-timers';
import { clocksChangedEvent } from './clocks-changed-event';
import { ComplaintClocksRepository } from './complaint-clocks.repository';
import { ComplaintEnvelope, applyComplaintEvent, complaintEventEffect } from './complaint-event-rules';
import { reconcileClocks } from './reconcile-clocks';
import { clockFactsOf } from './sla-complaint';

/** The policy versions complaints follow (the service's `PolicyCatalog` registry). */
export interface PolicySource {
  require(policyId: string, version: number): PolicyDocument;
}

/** `unknown-complaint`: an event before the complaint's receipt reached sla, which cannot plan without it. */
export type ApplyOutcome =
  | { readonly status: 'applied'; readonly scheduled: readonly Date[] }
  | { readonly status: 'ignored' | 'unknown-complaint' };

/**
 * One complaint event, in the consumer's transaction (`events` is its outbox): update the facts, re-plan every clock
 * with the complaint's policy version, reconcile the stored clocks, move their timers and
 * announce the clocks that changed.
 */
export class ApplyComplaintEvent {
  constructor(
    private readonly repository: ComplaintClocksRepository,
    private readonly policies: PolicySource,
    private readonly timers: ClockTimerWriter,
    private readonly clock: Clock,
  ) {}

  async execute(tx: EntityManager, events: EventSink, event: ComplaintEnvelope): Promise<ApplyOutcome> {
    const effect = complaintEventEffect(event);
    if (!effect) return { status: 'ignored' };
    const known = await this.repository.lock(tx, event.complaintId);
    const complaint = applyComplaintEvent(known, effect);
    if (!complaint) return { status: 'unknown-complaint' };

    const policy = this.policies.require(complaint.policyId, complaint.policyVersion);
    const plan = planClocksForFacts(policy, clockFactsOf(complaint));
    const previous = known ? await this.repository.clocksOf(tx, complaint.complaintId) : [];
    const clocks = reconcileClocks(plan, complaint, previous);

    const now = this.clock.now();
    await this.repository.save(tx, complaint, now);
    await this.repository.saveClocks(tx, complaint.complaintId, clocks, now);
    const scheduled = await this.timers.apply(tx, complaint, clocks, clockTimerChanges(previous, clocks));
    const changes = clockChanges(previous, clocks);
    if (changes.length > 0) await events.publish(SlaClocksChangedV1, clocksChangedEvent(complaint, event, changes));
    return { status: 'applied', scheduled };
  }
}
