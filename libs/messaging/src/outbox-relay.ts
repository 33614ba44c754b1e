import { Envelope } from '@complaints/contracts';
import { executeSql, quoteIdent } from '@complaints/persistence';
import { COMPLAINT_ATTRIBUTES, withSpan } from '@complaints/telemetry';
import { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { SpanKind, context } from '@opentelemetry/api';
import { EventPublisher } from './event-publisher';
import { MessagingLogger } from './messaging-logger';
import { OutboxBacklog } from './outbox-metrics';
import { Topology } from './topology';
import { contextFromTraceparent } from './trace-context';

export interface OutboxRelayOptions {
  readonly batchSize?: number;
  /** How often to look for rows when nobody called `notify()` (e.g. rows written by another replica). */
  readonly pollIntervalMs?: number;
  /** Sent rows are kept this long so a lost stream can be refilled from PostgreSQL. */
  readonly replayWindowMs?: number;
}

interface OutboxRow {
  id: string;
  complaint_id: string | null;
  subject: string;
  payload: Envelope | string;
  traceparent: string | null;
}

/**
 * Publishes committed outbox rows to JetStream. Rows are claimed with FOR UPDATE SKIP
 * LOCKED, so several replicas relay in parallel without publishing a row twice; a crash
 * after publishing but before COMMIT leaves the row pending and it is published again with
 * the same message id, which JetStream and the consumers' inboxes both deduplicate.
 */
export class OutboxRelay {
  private readonly table: string;
  private readonly batchSize: number;
  private readonly pollIntervalMs: number;
  private readonly replayWindowMs: number;
  private running = false;
  private loop: Promise<void> | undefined;
  private wake: (() => void) | undefined;
  /** Set by `notify()` during a pass, so the relay goes round again instead of sleeping. */
  private notified = false;
  private lastPurge = 0;

  constructor(
    private readonly orm: MikroORM,
    schema: string,
    private readonly publisher: EventPublisher,
    private readonly topology: Topology,
    private readonly logger: MessagingLogger,
    options: OutboxRelayOptions = {},
  ) {
    this.table = `${quoteIdent(schema)}.outbox`;
    this.batchSize = options.batchSize ?? 100;
    this.pollIntervalMs = options.pollIntervalMs ?? 250;
    this.replayWindowMs = options.replayWindowMs ?? 7 * 24 * 60 * 60 * 1000;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  /** Publish soon: a transaction with outbox rows just committed. */
  notify(): void {
    this.notified = true;
    this.wake?.();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
  }

  /** Claims, publishes and marks one batch; returns how many rows were sent. */
  async relayBatch(): Promise<number> {
    const em = this.orm.em.fork();
    return em.transactional(async (tx) => {
      const rows = await executeSql<OutboxRow>(
        tx,
        `select id, complaint_id, subject, payload, traceparent from ${this.table}
         where sent_at is null order by created_at, id limit ? for update skip locked`,
        [this.batchSize],
      );
      if (rows.length === 0) return 0;
      const published: string[] = [];
      const failures: { id: string; error: string }[] = [];
      // A complaint's events leave in the order their transactions committed: after one of
      // them fails, its later ones wait for the next pass. Other complaints' events go on, so
      // one bad row holds up only its own complaint.
      const held = new Set<string>();
      for (const row of rows) {
        const order = row.complaint_id ?? row.id;
        if (held.has(order)) continue;
        try {
          await this.publishRow(row);
          published.push(row.id);
        } catch (error) {
          failures.push({ id: row.id, error: String((error as Error).message ?? error) });
          held.add(order);
        }
      }
      await this.markSent(tx, published);
      for (const failure of failures) {
        await executeSql(tx, `update ${this.table} set attempts = attempts + 1, last_error = ? where id = ?`, [
          failure.error,
          failure.id,
        ]);
        this.logger.warn({ outboxId: failure.id, err: failure.error }, 'outbox publish failed; will retry');
      }
      return published.length;
    });
  }

  /** How many rows wait to be published, and for how long the oldest has. */
  async backlog(): Promise<OutboxBacklog> {
    const [row] = await executeSql<{ pending: string; oldest: number | null }>(
      this.orm.em.fork(),
      `select count(*) as pending, extract(epoch from clock_timestamp() - min(created_at))::float8 as oldest
       from ${this.table} where sent_at is null`,
    );
    return { pending: Number(row?.pending ?? 0), oldestAgeSeconds: Math.max(0, Number(row?.oldest ?? 0)) };
  }

  /** Deletes sent rows older than the replay window. */
  async purgeSent(now = new Date()): Promise<number> {
    const em = this.orm.em.fork();
    const rows = await executeSql<{ id: string }>(
      em,
      `delete from ${this.table} where sent_at is not null and sent_at < ? returning id`,
      [new Date(now.getTime() - this.replayWindowMs)],
    );
    return rows.length;
  }

  private async markSent(tx: EntityManager, ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    await executeSql(tx, `update ${this.table} set sent_at = clock_timestamp() where id in (${ids.map(() => '?').join(', ')})`, [
      ...ids,
    ]);
  }

  private async publishRow(row: OutboxRow): Promise<void> {
    const envelope: Envelope = typeof row.payload === 'string' ? JSON.parse(row.payload) : row.payload;
    await withSpan(
      'messaging',
      `publish ${envelope.type}`,
      {
        kind: SpanKind.PRODUCER,
        parent: contextFromTraceparent(row.traceparent),
        attributes: {
          'messaging.system': 'nats',
          'messaging.destination.name': this.topology.subject(row.subject),
          [COMPLAINT_ATTRIBUTES.eventType]: envelope.type,
          [COMPLAINT_ATTRIBUTES.eventId]: envelope.id,
          ...(envelope.complaintId ? { [COMPLAINT_ATTRIBUTES.id]: envelope.complaintId } : {}),
        },
      },
      () => this.publisher.publish({ subject: this.topology.subject(row.subject), envelope }, context.active()),
    );
  }

  private async run(): Promise<void> {
    while (this.running) {
      let sent = 0;
      try {
        sent = await this.relayBatch();
        if (Date.now() - this.lastPurge > 60_000) {
          this.lastPurge = Date.now();
          await this.purgeSent();
        }
      } catch (error) {
        this.logger.error({ err: error }, 'outbox relay pass failed');
      }
      if (sent < this.batchSize) await this.sleep();
    }
  }

  private sleep(): Promise<void> {
    if (this.notified) {
      this.notified = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wake = undefined;
        this.notified = false;
        resolve();
      };
      const timer = setTimeout(done, this.pollIntervalMs);
      this.wake = done;
    });
  }
}
