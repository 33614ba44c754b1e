import { DatabaseServiceConfig, serviceEnvSchema, toDatabaseServiceConfig } from '@complaints/config';
import { Envelope } from '@complaints/contracts';
import { TestBus, TestService, startTestService } from '@complaints/service-testing';
import { waitFor } from '@complaints/testing';
import { startEscalation } from '../src/escalation-app';

export interface OutboxEvent {
  readonly type: string;
  readonly data: Record<string, unknown>;
}

/**
 * The escalation service running in-process; tests publish what intake, sla and feedback
 * would (`fixture.bus`) and read what escalation wrote.
 */
export class EscalationFixture {
  private constructor(private readonly service: TestService<DatabaseServiceConfig>) {}

  static async start(): Promise<EscalationFixture> {
    return new EscalationFixture(
      await startTestService({
        envSchema: serviceEnvSchema,
        toConfig: (env) => toDatabaseServiceConfig('escalation', env),
        start: startEscalation,
      }),
    );
  }

  stop(): Promise<void> {
    return this.service.close();
  }

  get bus(): TestBus {
    return this.service.bus;
  }

  /** Publishes an event as its producer would, and gives it back. */
  async publish<E extends Envelope>(event: E): Promise<E> {
    await this.bus.publish(event);
    return event;
  }

  /** What escalation published about a complaint, oldest first. */
  outboxEvents(complaintId: string): Promise<OutboxEvent[]> {
    return this.query<{ payload: OutboxEvent }>(
      `select payload from escalation.outbox where complaint_id = $1 order by created_at, id`,
      [complaintId],
    ).then((rows) => rows.map(({ payload }) => ({ type: payload.type, data: payload.data })));
  }

  /** Waits until escalation has published at least `count` events about a complaint. */
  outboxEventsAtLeast(complaintId: string, count: number): Promise<OutboxEvent[]> {
    return waitFor(`${count} escalation events for ${complaintId}`, async () => {
      const events = await this.outboxEvents(complaintId);
      return events.length >= count ? events : undefined;
    });
  }

  async levelOf(complaintId: string): Promise<number | undefined> {
    const [row] = await this.query<{ level: number }>(
      `select level from escalation.complaint_ladders where complaint_id = $1`,
      [complaintId],
    );
    return row?.level;
  }

  async processed(eventId: string): Promise<boolean> {
    const rows = await this.query(`select 1 from escalation.inbox where event_id = $1`, [eventId]);
    return rows.length === 1;
  }

  query<T extends object = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
    return this.service.database.query<T>(sql, params);
  }
}
