import { DEAD_LETTER_STREAM, StreamDefinition } from '@complaints/contracts';
import { DiscardPolicy, JetStreamManager, RetentionPolicy, StorageType, StreamConfig, nanos } from 'nats';
import { Topology } from './topology';

/** How long a stream keeps a message (the replay window for new consumers), unless it keeps them all. */
export const STREAM_RETENTION_MS = 30 * 24 * 60 * 60 * 1000;

/** How long JetStream remembers a `Nats-Msg-Id` to drop a republished event. */
export const DUPLICATE_WINDOW_MS = 2 * 60 * 1000;

/**
 * Creates (or updates) a stream. Called by every service for the streams it publishes to
 * or consumes from, so start-up order between services never matters.
 */
export async function ensureStream(
  jsm: JetStreamManager,
  topology: Topology,
  stream: StreamDefinition,
  retentionMs: number = STREAM_RETENTION_MS,
): Promise<void> {
  const config: Partial<StreamConfig> & { name: string } = {
    name: topology.streamName(stream),
    subjects: [topology.streamSubjects(stream)],
    storage: StorageType.File,
    retention: RetentionPolicy.Limits,
    discard: DiscardPolicy.Old,
    duplicate_window: nanos(DUPLICATE_WINDOW_MS),
    num_replicas: topology.streamReplicas,
    // PostgreSQL is the system of record; a stream keeps a month for replays and new consumers.
    max_age: stream.retainForever ? 0 : nanos(retentionMs),
  };
  try {
    await jsm.streams.info(config.name);
    await jsm.streams.update(config.name, config);
  } catch (error) {
    if (!isNotFound(error)) throw error;
    try {
      await jsm.streams.add(config);
    } catch (addError) {
      // Another service created it between our info and add.
      if (!/already in use|stream name already/i.test(String(addError))) throw addError;
    }
  }
}

/**
 * The dead-letter stream keeps each message for the deployment's `deadLetterRetentionMs`
 * (DEAD_LETTER_RETENTION_DAYS, 30 by default): an operator has that long to replay it, after
 * which JetStream drops it and the backlog gauge forgets it.
 */
export function ensureDeadLetterStream(jsm: JetStreamManager, topology: Topology): Promise<void> {
  return ensureStream(jsm, topology, DEAD_LETTER_STREAM, topology.deadLetterRetentionMs);
}

export function isNotFound(error: unknown): boolean {
  return /not found|no message found/i.test(String((error as Error)?.message ?? error));
}
