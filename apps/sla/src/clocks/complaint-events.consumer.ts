import { EventContract } from '@complaints/contracts';
import { ConsumedEvent, ConsumerOutcome, EventConsumer, EventSink, Outcome } from '@complaints/messaging';
import { EntityManager } from '@mikro-orm/postgresql';
import { Logger } from 'pino';
import { TimerScheduler } from '../timers';
import { ApplyComplaintEvent } from './apply-complaint-event';
import { CLOCK_EVENTS } from './complaint-event-rules';

/** The durable consumer of the complaint events that touch a clock: each updates the complaint's clocks, in any order. */
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
    if (outcome.status === 'parked') {
      // Order is not guaranteed (relays, replicas, back-off): the receipt will replay it.
      this.logger.info({ eventId: event.id, type: event.type, complaintId }, 'event kept until the complaint’s receipt arrives');
    }
    if (outcome.status !== 'applied' || outcome.scheduled.length === 0) return Outcome.processed();
    const { scheduled } = outcome;
    // The scheduler can only see the new timers once the inbox transaction has committed.
    return Outcome.processed(() => scheduled.forEach((dueAt) => this.scheduler.notify(dueAt)));
  }
}
