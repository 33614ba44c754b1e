import { JetStreamManager } from 'nats';
import { isNotFound } from './jetstream-streams';

/**
 * How far a durable consumer has got through its stream. `caught_up`: it has processed every
 * message the stream stored when asked. `behind`: the oldest message it has not processed yet
 * (delivered and unacknowledged, or not delivered at all) was stored at `oldestUnprocessedAt`;
 * every message stored before that instant is processed.
 */
export type ConsumerProgress =
  | { readonly state: 'caught_up' }
  | { readonly state: 'behind'; readonly oldestUnprocessedAt: Date };

/** Where one durable consumer stands: its stream, its name, and the subjects it takes. */
export interface ConsumerPosition {
  readonly stream: string;
  readonly durable: string;
  readonly filterSubject: string;
}

/**
 * Reads a durable consumer's progress from JetStream: the consumer's info gives its ack floor
 * (every message up to it acknowledged, and a message is acknowledged once its handling
 * committed), and the first message of its subjects after that floor is the oldest one still
 * unprocessed, whose stored timestamp is the answer. Messages stored in a stream are in time
 * order, so nothing stored before it waits. Needs `CONSUMER.INFO` on the consumer and
 * `STREAM.MSG.GET` on its stream.
 */
export async function readConsumerProgress(jsm: JetStreamManager, position: ConsumerPosition): Promise<ConsumerProgress> {
  const info = await jsm.consumers.info(position.stream, position.durable);
  if (info.num_pending === 0 && info.num_ack_pending === 0) return { state: 'caught_up' };
  // The first message of the consumer's subjects from that sequence on (the server reads
  // `next_by_subj` since 2.9; the client's type for this call does not list it).
  const query = { seq: info.ack_floor.stream_seq + 1, next_by_subj: position.filterSubject };
  try {
    const next = await jsm.streams.getMessage(position.stream, query);
    return { state: 'behind', oldestUnprocessedAt: next.time };
  } catch (error) {
    // What waited was acknowledged (or expired) between the two requests.
    if (isNotFound(error)) return { state: 'caught_up' };
    throw error;
  }
}
