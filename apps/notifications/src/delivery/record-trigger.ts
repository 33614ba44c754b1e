import { ConsumerOutcome, Outcome } from '@complaints/messaging';
import { PolicyCatalog } from '@complaints/policy-catalog';
import { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable } from '@nestjs/common';
import { COMPLAINT_HISTORY, ComplaintHistoryRepository, NotifiedComplaint } from './complaint-history';
import { DELIVERIES, DeliveryRepository } from './delivery';
import { DeliveryWorker } from './delivery-worker';
import { NotificationTrigger, historyStepOf, planDeliveries } from './plan-deliveries';

/**
 * A complaint may be heard of through another stream before its complaint.received (a clock
 * alert, an escalation): the event is delivered again with back-off (1 s … 30 s) until it has
 * been, about eight minutes in all, then goes to the dead letters for an operator.
 */
export const DELIVERIES_WHILE_WAITING_FOR_RECEIPT = 20;

/**
 * Events each consumer takes into transactions at once. Events of different complaints touch
 * different rows, and a consumer's cost is round trips, not CPU, so several overlap well; a
 * complaint's own events still run in order. Four per consumer keeps the four consumers within
 * reach of the service's ten database connections.
 */
export const EVENTS_AT_ONCE = 4;

/**
 * Takes one event about a complaint into the consumer's transaction: remembers the complaint
 * (complaint events carry its reference), adds its step to the history, and plans the
 * deliveries its policy calls for. The worker is woken after the commit.
 */
@Injectable()
export class RecordTrigger {
  constructor(
    @Inject(COMPLAINT_HISTORY) private readonly history: ComplaintHistoryRepository,
    @Inject(DELIVERIES) private readonly deliveries: DeliveryRepository,
    private readonly policies: PolicyCatalog,
    private readonly worker: DeliveryWorker,
  ) {}

  async execute(tx: EntityManager, complaintId: string, trigger: NotificationTrigger, known?: NotifiedComplaint): Promise<ConsumerOutcome> {
    if (known) await this.history.remember(tx, known);
    const complaint = await this.history.find(tx, complaintId);
    if (!complaint) return Outcome.retry(`complaint ${complaintId} is not known yet (complaint.received not processed)`);
    const step = historyStepOf(trigger);
    if (step) await this.history.recordStep(tx, complaintId, trigger.eventId, step);
    const policy = this.policies.registry.require(complaint.policyId, complaint.policyVersion);
    const steps = trigger.on === 'clock_breached' ? await this.history.stepsOf(tx, complaintId) : [];
    const added = await this.deliveries.plan(tx, complaint, trigger.eventId, planDeliveries(trigger, policy, steps));
    return added > 0 ? Outcome.processed(() => this.worker.kick()) : Outcome.processed();
  }
}
