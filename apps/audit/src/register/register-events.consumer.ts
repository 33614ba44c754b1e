import { EVENT_CATALOGUE, EventContract, STREAMS, StreamKey } from '@complaints/contracts';
import { ConsumedEvent, ConsumerOutcome, EventConsumer, Outcome } from '@complaints/messaging';
import { EntityManager } from '@mikro-orm/postgresql';
import { TrackRetention } from '../retention/track-retention';
import { AppendEvent } from './append-event';

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

  constructor(
    stream: StreamKey,
    readonly events: readonly EventContract[],
    private readonly appendEvent: AppendEvent,
    private readonly trackRetention: TrackRetention,
    private readonly appended: (size: number) => void,
  ) {
    this.durable = `audit-register-${stream.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`;
  }

  async handle(event: ConsumedEvent<readonly EventContract[]>, tx: EntityManager): Promise<ConsumerOutcome> {
    const result = await this.appendEvent.execute(tx, event, new Date());
    if (!result.appended) return Outcome.processed();
    await this.trackRetention.execute(tx, event);
    return Outcome.processed(() => this.appended(result.size));
  }
}

/**
 * One consumer per stream that carries events, each handling every contract of its stream in
 * the catalogue: a consumer's events must share a stream, and the register takes them all.
 */
export function registerEventsConsumers(
  appendEvent: AppendEvent,
  trackRetention: TrackRetention,
  appended: (size: number) => void,
): RegisterEventsConsumer[] {
  return (Object.keys(STREAMS) as StreamKey[]).flatMap((stream) => {
    const events = EVENT_CATALOGUE.filter((contract) => contract.stream.name === STREAMS[stream].name);
    return events.length === 0 ? [] : [new RegisterEventsConsumer(stream, events, appendEvent, trackRetention, appended)];
  });
}
