import { DEAD_LETTER_STREAM } from '@complaints/contracts';
import { Meter, metrics } from '@opentelemetry/api';
import { JetStreamManager } from 'nats';
import { Topology } from './topology';

/** Dead letters waiting, per consumer that gave up on them and the stream they came from. */
export interface DeadLetterCount {
  readonly consumer: string;
  readonly stream: string;
  readonly count: number;
}

/**
 * How many dead letters each of `durables` has in the dead-letter stream now, read from the
 * stream's per-subject counts (`deadletter.<stream>.<consumer>`), so it costs one request
 * whatever the backlog.
 */
export async function deadLetterBacklog(jsm: JetStreamManager, topology: Topology, durables: readonly string[]): Promise<DeadLetterCount[]> {
  const info = await jsm.streams.info(topology.streamName(DEAD_LETTER_STREAM), {
    subjects_filter: topology.streamSubjects(DEAD_LETTER_STREAM),
  });
  const counts: DeadLetterCount[] = [];
  for (const [subject, count] of Object.entries(info.state.subjects ?? {})) {
    const origin = topology.deadLetterOrigin(subject);
    if (origin && durables.includes(origin.consumer)) counts.push({ ...origin, count });
  }
  return counts;
}

/**
 * `messaging_dead_letter_backlog{consumer, stream}`, read at each scrape: what waits for an
 * operator to replay. It reaches 0 again only when each one is replayed or expires.
 */
export function registerDeadLetterMetrics(backlog: () => Promise<readonly DeadLetterCount[]>, meter: Meter = metrics.getMeter('messaging')): void {
  const gauge = meter.createObservableGauge('messaging_dead_letter_backlog', { description: 'Events waiting in the dead-letter stream' });
  gauge.addCallback(async (result) => {
    for (const { consumer, stream, count } of await backlog()) result.observe(count, { consumer, stream });
  });
}

/**
 * The labels of `messaging_dead_letters_total` for one dead-lettered message: the consumer, the
 * stream and the event's type as the message says it (`unknown` when it is not an envelope),
 * so an alert tells which kind of event a consumer rejects.
 */
export function deadLetterLabels(consumer: string, stream: string, data: Uint8Array): { consumer: string; stream: string; type: string } {
  let type = 'unknown';
  try {
    const parsed = JSON.parse(new TextDecoder().decode(data)) as { type?: unknown };
    if (typeof parsed?.type === 'string' && /^[a-z]+(\.[a-z][a-z_-]*)+$/.test(parsed.type)) type = parsed.type;
  } catch {
    // Not JSON: the type stays unknown.
  }
  return { consumer, stream, type };
}
