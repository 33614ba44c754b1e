import { EVENT_CATALOGUE, EventContract, STREAMS, StreamKey } from '@complaints/contracts';
import { ConsumedEvent, ConsumerOutcome, EventConsumer, Outcome } from '@complaints/messaging';
import { EntityManager } from '@mikro-orm/postgresql';
import { TrackRetention } from '../retention/track-retention';
import { AppendEvents } from './append-events';

/**
 * Records every event of one stream in the register. The durable names are new (`audit` may
 * exist on a deployed server, positioned after what was already published), so each reads
 * its stream from the first message.
 */
export class RegisterEventsConsumer implements EventConsumer {
  readonly durable: string;
  // Retried with back-off for about eight minutes: a database outage must not send events to
  // the dead letters, where the register would miss them until an operator replays them.
  readonly maxDeliver = 20;
  // Every append takes the one head lock and pays a commit: a batch pays them once for up to
  // 200 events. A lone event waits at most 20 ms for company.
  readonly batch = { maxEvents: 200, maxWaitMs: 20 };

  constructor(
    stream: StreamKey,
    readonly events: readonly EventContract[],
    private readonly appendEvents: AppendEvents,
    private readonly trackRetention: TrackRetention,
    private readonly appended: (size: number) => void,
  ) {
    this.durable = `audit-register-${stream.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`;
  }

  /** An event alone: when its batch failed, to find out which event failed it. */
  handle(event: ConsumedEvent<readonly EventContract[]>, tx: EntityManager): Promise<ConsumerOutcome> {
    return this.handleBatch([event], tx);
  }

  async handleBatch(events: readonly ConsumedEvent<readonly EventContract[]>[], tx: EntityManager): Promise<ConsumerOutcome> {
    const { appended, size } = await this.appendEvents.execute(tx, events, new Date());
    for (const event of appended) await this.trackRetention.execute(tx, event);
    await this.trackRetention.dropLatePayloads(tx, appended);
    return appended.length === 0 ? Outcome.processed() : Outcome.processed(() => this.appended(size));
  }
}

/**
 * One consumer per stream that carries events, each handling every contract of its stream in
 * the catalogue: a consumer's events must share a stream, and the register takes them all.
 */
export function registerEventsConsumers(
  appendEvents: AppendEvents,
  trackRetention: TrackRetention,
  appended: (size: number) => void,
): RegisterEventsConsumer[] {
  return (Object.keys(STREAMS) as StreamKey[]).flatMap((stream) => {
    const events = EVENT_CATALOGUE.filter((contract) => contract.stream.name === STREAMS[stream].name);
    return events.length === 0 ? [] : [new RegisterEventsConsumer(stream, events, appendEvents, trackRetention, appended)];
  });
}
