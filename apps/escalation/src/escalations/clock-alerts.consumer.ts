import { SlaClockBreachWithdrawnV1, SlaClockBreachedV1, SlaClockWarningV1 } from '@complaints/contracts';
import { ConsumedEvent, ConsumerOutcome, EventConsumer, EventSink } from '@complaints/messaging';
import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { ApplyEscalationTrigger } from './apply-escalation-trigger';
import { DELIVERIES_WHILE_WAITING_FOR_RECEIPT, namesNoComplaint, outcomeOfTrigger } from './consumer-outcomes';
import { WithdrawBreachEscalation } from './withdraw-breach-escalation';

const CLOCK_ALERTS = [SlaClockWarningV1, SlaClockBreachedV1, SlaClockBreachWithdrawnV1] as const;

/** Clock warnings and breaches are triggers on the complaint's ladder; a withdrawn breach undoes its step. */
@Injectable()
export class ClockAlertsConsumer implements EventConsumer<typeof CLOCK_ALERTS> {
  readonly durable = 'escalation-sla';
  readonly events = CLOCK_ALERTS;
  readonly maxDeliver = DELIVERIES_WHILE_WAITING_FOR_RECEIPT;

  constructor(
    private readonly applyTrigger: ApplyEscalationTrigger,
    private readonly withdrawBreach: WithdrawBreachEscalation,
  ) {}

  async handle(event: ConsumedEvent<typeof CLOCK_ALERTS>, tx: EntityManager, events: EventSink): Promise<ConsumerOutcome> {
    const { complaintId } = event;
    if (complaintId === null) return namesNoComplaint(event);
    if (event.type === SlaClockBreachWithdrawnV1.type) {
      const { metric, breachEventId } = event.data;
      const withdrawal = { complaintId, metric, breachEventId, withdrawalEventId: event.id };
      return outcomeOfTrigger(complaintId, await this.withdrawBreach.execute(tx, events, withdrawal));
    }
    const on = event.type === SlaClockWarningV1.type ? 'clock_warning' : 'clock_breach';
    const trigger = { on, metric: event.data.metric } as const;
    return outcomeOfTrigger(complaintId, await this.applyTrigger.execute(tx, events, { complaintId, causeEventId: event.id, trigger }));
  }
}
