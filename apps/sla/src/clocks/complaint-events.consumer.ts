import { STREAMS } from '@complaints/contracts';
import { DeliveredEvent } from '@complaints/messaging';
import { AfterCommitWork, EventConsumerDefinition } from '@complaints/runtime';
import { EntityManager } from '@mikro-orm/postgresql';
import { Logger } from 'pino';
import { TimerScheduler } from '../timers';
import { ApplyComplaintEvent } from './apply-complaint-event';

/** The durable consumer of `complaint.*`: each event updates the complaint's clocks in the inbox transaction. */
export class ComplaintEventsConsumer {
  constructor(
    private readonly applyEvent: ApplyComplaintEvent,
    private readonly scheduler: TimerScheduler,
    private readonly logger: Logger,
  ) {}

  definition(): EventConsumerDefinition {
    // The durable name sla has always used, so the stream position and the inbox carry over.
    return { durable: 'sla', stream: STREAMS.complaints, handle: (event, tx) => this.handle(event, tx) };
  }

  private async handle({ envelope }: DeliveredEvent, tx: EntityManager): Promise<AfterCommitWork | void> {
    const { complaintId } = envelope;
    if (complaintId === null) return;
    const outcome = await this.applyEvent.execute(tx, { ...envelope, complaintId });
    if (outcome.status === 'unknown-complaint') {
      // Events of one complaint arrive in order, so this is a complaint received before sla kept
      // clocks (or a stream refilled without its start): nothing to plan from.
      this.logger.warn({ eventId: envelope.id, type: envelope.type, complaintId }, 'event for a complaint sla has no receipt of');
    }
    if (outcome.status === 'applied' && outcome.scheduled.length > 0) {
      const { scheduled } = outcome;
      // The scheduler can only see the new timers once the inbox transaction has committed.
      return () => scheduled.forEach((dueAt) => this.scheduler.notify(dueAt));
    }
  }
}
