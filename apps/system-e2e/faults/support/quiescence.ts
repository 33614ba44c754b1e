import { waitFor } from '@complaints/testing';
import { connect } from 'nats';
import { Client } from 'pg';

/** The schemas whose outbox publishes events (every service but the gateway keeps one). */
export const OUTBOX_SCHEMAS = ['intake', 'sla', 'escalation', 'notifications', 'feedback', 'audit'] as const;

/** What is still in flight: events not yet published, messages not yet consumed, timers due but not fired. */
export interface Backlog {
  readonly unpublished: number;
  readonly unconsumed: number;
  readonly dueTimers: number;
  /**
   * The database's time when the due timers were counted. Deadlines keep falling after the
   * system settles (clocks still running), so the invariants judge timers and events against
   * this instant, not against whatever fires while they are being checked.
   */
  readonly observedAt: Date;
}

async function existingSchemas(db: Client): Promise<string[]> {
  const { rows } = await db.query<{ schema: string }>(
    `select table_schema as schema from information_schema.tables where table_name = 'outbox' and table_schema = any($1)`,
    [[...OUTBOX_SCHEMAS]],
  );
  return rows.map((row) => row.schema);
}

async function unpublished(db: Client): Promise<number> {
  let count = 0;
  for (const schema of await existingSchemas(db)) {
    const { rows } = await db.query<{ count: string }>(`select count(*) from ${schema}.outbox where sent_at is null`);
    count += Number(rows[0]?.count);
  }
  return count;
}

/** Messages every durable consumer of the namespace has yet to receive or acknowledge. */
async function unconsumed(natsUrl: string, namespace: string): Promise<number> {
  const nc = await connect({ servers: natsUrl });
  try {
    const jsm = await nc.jetstreamManager();
    const prefix = `${namespace.toUpperCase()}_`;
    let count = 0;
    for await (const stream of jsm.streams.list()) {
      if (!stream.config.name.startsWith(prefix)) continue;
      for await (const consumer of jsm.consumers.list(stream.config.name)) {
        count += consumer.num_pending + consumer.num_ack_pending;
      }
    }
    return count;
  } finally {
    await nc.close();
  }
}

async function dueTimers(db: Client): Promise<{ dueTimers: number; observedAt: Date }> {
  const { rows } = await db.query<{ count: string; observed_at: Date }>(
    `select count(*) filter (where fired_at is null and cancelled_at is null and due_at <= now()) as count, now() as observed_at
     from sla.timers`,
  );
  return { dueTimers: Number(rows[0]?.count), observedAt: rows[0]?.observed_at ?? new Date() };
}

export async function backlogOf(db: Client, natsUrl: string, namespace: string): Promise<Backlog> {
  return { unpublished: await unpublished(db), unconsumed: await unconsumed(natsUrl, namespace), ...(await dueTimers(db)) };
}

const isEmpty = (backlog: Backlog) => backlog.unpublished + backlog.unconsumed + backlog.dueTimers === 0;

/**
 * Waits until the system has caught up: every outbox row published, every message consumed and
 * every due timer fired, twice in a row (a consumer's effect may publish more). Returns the
 * backlog left when it did not within the time given, for the report to show.
 */
export async function settle(db: Client, natsUrl: string, namespace: string, timeoutMs: number): Promise<Backlog> {
  let last: Backlog = { unpublished: 0, unconsumed: 0, dueTimers: 0, observedAt: new Date() };
  let quietPolls = 0;
  try {
    await waitFor(
      'the system to catch up',
      async () => {
        last = await backlogOf(db, natsUrl, namespace);
        quietPolls = isEmpty(last) ? quietPolls + 1 : 0;
        return quietPolls >= 2;
      },
      timeoutMs,
      500,
    );
  } catch {
    // The backlog left is the finding; the invariants report it.
  }
  return last;
}
