import { DEAD_LETTER_STREAM, DeadLetterPage, DeadLetterView, envelopeSchema } from '@complaints/contracts';
import { JetStreamManager, StoredMsg } from 'nats';
import { isNotFound } from './jetstream-streams';
import { Topology } from './topology';

/** Which dead letters to list: from the stream sequence `cursor` on, at most `limit`, of one consumer or all. */
export interface DeadLetterQuery {
  readonly cursor?: number;
  readonly limit: number;
  readonly consumer?: string;
}

/** What an operator may see of the event: the envelope's metadata, never its data. */
const envelopeMetadataSchema = envelopeSchema.pick({ id: true, type: true, occurredAt: true });

const decoder = new TextDecoder();

/** The dead letter stored at `seq`; undefined when there is none (replayed, expired, never written). */
export async function readDeadLetter(
  jsm: JetStreamManager,
  topology: Topology,
  seq: number,
): Promise<StoredMsg | undefined> {
  try {
    return await jsm.streams.getMessage(topology.streamName(DEAD_LETTER_STREAM), { seq });
  } catch (error) {
    if (isNotFound(error)) return undefined;
    throw error;
  }
}

/** The dead letter at `seq` as an operator sees it; undefined when there is none. */
export async function findDeadLetter(
  jsm: JetStreamManager,
  topology: Topology,
  seq: number,
): Promise<DeadLetterView | undefined> {
  const message = await readDeadLetter(jsm, topology, seq);
  return message && deadLetterView(topology, message);
}

/**
 * One page of dead letters in stream order, one JetStream request each (plus one to learn where
 * the next page starts): the server skips the sequences that were replayed, expired or belong
 * to another consumer.
 */
export async function listDeadLetters(
  jsm: JetStreamManager,
  topology: Topology,
  query: DeadLetterQuery,
): Promise<DeadLetterPage> {
  const stream = topology.streamName(DEAD_LETTER_STREAM);
  const subjects = query.consumer
    ? topology.subject(`${DEAD_LETTER_STREAM.subjectPrefix}.*.${query.consumer}`)
    : topology.streamSubjects(DEAD_LETTER_STREAM);
  const next = async (seq: number): Promise<StoredMsg | undefined> => {
    // The server (2.9 and later) reads `next_by_subj` on this API; nats.js types it only for direct gets.
    const request: { seq: number; next_by_subj: string } = { seq, next_by_subj: subjects };
    try {
      return await jsm.streams.getMessage(stream, request);
    } catch (error) {
      // No dead letter from there on, or no dead-letter stream yet.
      if (isNotFound(error)) return undefined;
      throw error;
    }
  };
  const items: DeadLetterView[] = [];
  for (let message = await next(query.cursor ?? 1); message; message = await next(message.seq + 1)) {
    if (items.length === query.limit) return { items, nextCursor: String(message.seq) };
    items.push(deadLetterView(topology, message));
  }
  return { items, nextCursor: null };
}

function deadLetterView(topology: Topology, message: StoredMsg): DeadLetterView {
  const origin = topology.deadLetterOrigin(message.subject);
  const header = (name: string) => message.header?.get(name) ?? '';
  let envelope: { id: string; type: string; occurredAt: string } | undefined;
  try {
    envelope = envelopeMetadataSchema.safeParse(JSON.parse(decoder.decode(message.data))).data;
  } catch {
    // Not JSON: a poison message, shown without event fields.
  }
  return {
    seq: message.seq,
    // The subject names the consumer and the stream as the consumer wrote them (`deadletter.<stream>.<consumer>`).
    consumer: origin?.consumer ?? '',
    stream: origin?.stream ?? '',
    subject: header('Original-Subject'),
    eventId: envelope?.id ?? null,
    type: envelope?.type ?? null,
    occurredAt: envelope?.occurredAt ?? null,
    reason: header('Dead-Letter-Reason'),
    deadLetteredAt: message.time.toISOString(),
  };
}
