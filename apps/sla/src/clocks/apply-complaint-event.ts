import { SlaClockBreachWithdrawnV1, SlaClocksChangedV1 } from '@complaints/contracts';
import { EventSink } from '@complaints/messaging';
import { BusinessCalendar, planClocksForFacts } from '@complaints/policy';
import { EntityManager } from '@mikro-orm/postgresql';
import { Clock } from '../timers';
import { breachWithdrawnEvent } from './breach-withdrawn-event';
import { settleBreaches } from './breach-withdrawals';
import { withBusinessTime } from './clock-business-time';
import { clockChanges } from './clock-changes';
import { ClockTimerWriter } from './clock-timer-writer';
import { clockTimerChanges } from './clock-timers';
import { clocksChangedEvent } from './clocks-changed-event';
import { ComplaintClocksRepository } from './complaint-clocks.repository';
import { ComplaintEventLog } from './complaint-event-log';
import { ComplaintEnvelope, complaintEventEffect } from './complaint-event-rules';
import { PolicySource } from './policy-source';
import { ComplaintState, replayComplaint } from './replay-complaint';
import { clockFactsOf } from './sla-complaint';

/** `parked`: kept until the complaint's receipt reaches sla, which cannot plan without it. */
export type ApplyOutcome =
  | { readonly status: 'applied'; readonly scheduled: readonly Date[] }
  | { readonly status: 'ignored' | 'parked' };

const isReceipt = (event: ComplaintEnvelope): boolean => event.type === 'complaint.received';

/**
 * One complaint event, in the consumer's transaction (`events` is its outbox): record it in the
 * complaint's history, replay the history in the order things happened into facts and clocks,
 * reconcile them with the stored clocks (a timer's breach stands unless the history contradicts
 * it, and is then withdrawn), measure the business time of those that stopped, move their
 * timers and announce what changed.
 */
export class ApplyComplaintEvent {
  constructor(
    private readonly repository: ComplaintClocksRepository,
    private readonly log: ComplaintEventLog,
    private readonly policies: PolicySource,
    private readonly timers: ClockTimerWriter,
    private readonly clock: Clock,
  ) {}

  async execute(tx: EntityManager, events: EventSink, event: ComplaintEnvelope): Promise<ApplyOutcome> {
    if (!complaintEventEffect(event)) return { status: 'ignored' };
    await this.log.lockHistory(tx, event.complaintId);
    await this.log.append(tx, event);
    const known = await this.repository.lock(tx, event.complaintId);
    const previous = known ? await this.repository.clocksOf(tx, event.complaintId) : [];
    const replayed = await this.replay(tx, event, known && { complaint: known, clocks: previous });
    if (!replayed) return { status: 'parked' };

    const { complaint } = replayed;
    const settled = settleBreaches(previous, replayed.clocks);
    const { withdrawn } = settled;
    const policy = this.policies.require(complaint.policyId, complaint.policyVersion);
    const facts = clockFactsOf(complaint);
    const plan = replayed.plan ?? planClocksForFacts(policy, facts);
    const clocks = withBusinessTime(BusinessCalendar.of(policy.calendar), facts, plan, settled.clocks);
    const now = this.clock.now();
    // Named before the timers move: a breach timer still pending is cancelled below.
    const withdrawals = [];
    for (const breach of withdrawn) {
      const breachEventId = await this.timers.breachEventIdAt(tx, complaint.complaintId, breach.current.metric, breach.breachedAt);
      withdrawals.push(breachWithdrawnEvent(complaint, event, { ...breach, breachEventId }, now));
    }
    await this.repository.save(tx, complaint, now);
    await this.repository.saveClocks(tx, complaint, clocks, now);
    const scheduled = await this.timers.apply(tx, complaint, clocks, clockTimerChanges(previous, clocks));
    const changes = clockChanges(previous, clocks);
    if (changes.length > 0) await events.publish(SlaClocksChangedV1, clocksChangedEvent(complaint, event, changes));
    for (const withdrawal of withdrawals) await events.publish(SlaClockBreachWithdrawnV1, withdrawal);
    return { status: 'applied', scheduled };
  }

  /**
   * The whole history when it holds the receipt. A complaint sla knew before it kept histories
   * has none: its stored facts already fold every earlier event, and this one is folded onto them.
   */
  private async replay(tx: EntityManager, event: ComplaintEnvelope, stored: ComplaintState | undefined) {
    const history = await this.log.history(tx, event.complaintId);
    if (history.some(isReceipt)) return replayComplaint(this.policies, history);
    return stored && replayComplaint(this.policies, [event], stored);
  }
}
