import { EventContract } from '@complaints/contracts';
import { ConsumedEvent, ConsumerOutcome, EventConsumer, EventSink, Outcome } from '@complaints/messaging';
import { EntityManager } from '@mikro-orm/postgresql';
import { Logger } from 'pino';
import { TimerScheduler } from '../timers';
import { ApplyComplaintEvent } from './apply-complaint-event';
import { CLOCK_EVENTS } from './complaint-event-rules';

/** The durable consumer of the complaint events that touch a clock: each updates the complaint's clocks. */
export class ComplaintEventsConsumer implements EventConsumer {
  // The durable name sla has always used, so the stream position and the inbox carry over.
  readonly durable = 'sla';
  readonly events = CLOCK_EVENTS;

  constructor(
    private readonly applyEvent: ApplyComplaintEvent,
    private readonly scheduler: TimerScheduler,
    private readonly logger: Logger,
  ) {}

  async handle(event: ConsumedEvent<readonly EventContract[]>, tx: EntityManager, events: EventSink): Promise<ConsumerOutcome> {
    const { complaintId } = event;
    if (complaintId === null) return Outcome.reject(`${event.type} names no complaint`);
    const outcome = await this.applyEvent.execute(tx, events, { ...event, complaintId });
    if (outcome.status === 'unknown-complaint') {
      // Events of one complaint arrive in order, so this is a complaint received before sla kept
      // clocks (or a stream refilled without its start): nothing to plan from.
      this.logger.warn({ eventId: event.id, type: event.type, complaintId }, 'event for a complaint sla has no receipt of');
    }
    if (outcome.status !== 'applied' || outcome.scheduled.length === 0) return Outcome.processed();
    const { scheduled } = outcome;
    // The scheduler can only see the new timers once the inbox transaction has committed.
    return Outcome.processed(() => scheduled.forEach((dueAt) => this.scheduler.notify(dueAt)));
  }
}
