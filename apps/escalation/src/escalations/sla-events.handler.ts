import { Envelope, SlaClockBreachedV1, SlaClockWarningV1 } from '@complaints/contracts';
import { DeliveredEvent } from '@complaints/messaging';
import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { ApplyEscalationTrigger } from './apply-escalation-trigger';
import { complaintIdOf } from './complaint-id-of';

/** Clock warnings and breaches are triggers on the complaint's ladder. */
@Injectable()
export class SlaEventsHandler {
  constructor(private readonly applyTrigger: ApplyEscalationTrigger) {}

  async handle({ envelope, contract }: DeliveredEvent, tx: EntityManager): Promise<void> {
    switch (contract) {
      case SlaClockWarningV1:
        await this.clockAlert(
          tx,
          envelope,
          'clock_warning',
          SlaClockWarningV1.data.parse(envelope.data).metric,
        );
        return;
      case SlaClockBreachedV1:
        await this.clockAlert(
          tx,
          envelope,
          'clock_breach',
          SlaClockBreachedV1.data.parse(envelope.data).metric,
        );
        return;
      default:
        return;
    }
  }

  private async clockAlert(
    tx: EntityManager,
    envelope: Envelope,
    on: 'clock_warning' | 'clock_breach',
    metric: string,
  ): Promise<void> {
    await this.applyTrigger.execute(tx, {
      complaintId: complaintIdOf(envelope),
      causeEventId: envelope.id,
      trigger: { on, metric },
    });
  }
}
