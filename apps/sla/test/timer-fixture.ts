import { SlaClockBreachedV1 } from '@complaints/contracts';
import { EventPublisher, Outbox, OutboxRelay, Topology, UnitOfWork } from '@complaints/messaging';
import { executeSql, migrateServiceDatabase, openServiceDatabase } from '@complaints/persistence';
import { TestDatabase, createTestDatabase } from '@complaints/testing';
import { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { v7 as uuidv7 } from 'uuid';
import { SLA_MIGRATIONS } from '../src/migrations';
import { Clock } from '../src/timers/clock';
import { NewTimer } from '../src/timers/timer';
import { TimerLogger } from '../src/timers/timer-logger';
import { TimerHandler, TimerHandlers } from '../src/timers/timer-handlers';
import { TimerMetrics } from '../src/timers/timer-metrics';
import { TimerScheduler, TimerSchedulerOptions } from '../src/timers/timer-scheduler';
import { TimerStore } from '../src/timers/timer-store';

/** Time that moves only when the test says so. */
export class FakeClock implements Clock {
  constructor(private current: Date) {}

  now(): Date {
    return new Date(this.current);
  }

  set(instant: Date): void {
    this.current = new Date(instant);
  }

  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}

export const silentLogger = { info: () => undefined, warn: () => undefined, error: () => undefined };

/** The relay is never started here: tests assert on outbox rows, and publishing is the relay's own tests' business. */
const unusedPublisher: EventPublisher = {
  publish: () => Promise.reject(new Error('the relay is not started in timer tests')),
};

/** One sla database (all its migrations) for one test file. */
export class TimerTestDatabase {
  private readonly orms: MikroORM[] = [];

  private constructor(private readonly database: TestDatabase) {}

  static async create(): Promise<TimerTestDatabase> {
    const database = await createTestDatabase();
    const fixture = new TimerTestDatabase(database);
    const orm = await fixture.connect();
    await migrateServiceDatabase(orm, database.url, 'sla');
    return fixture;
  }

  /** A MikroORM instance of its own, as a separate replica would have. */
  async connect(): Promise<MikroORM> {
    const orm = await openServiceDatabase({
      databaseUrl: this.database.url,
      schema: 'sla',
      migrations: SLA_MIGRATIONS,
    });
    this.orms.push(orm);
    return orm;
  }

  get orm(): MikroORM {
    return this.orms[0] as MikroORM;
  }

  unitOfWork(orm: MikroORM = this.orm): UnitOfWork {
    return new UnitOfWork(
      orm,
      new Outbox('sla'),
      new OutboxRelay(orm, 'sla', unusedPublisher, new Topology(undefined), silentLogger),
    );
  }

  scheduler(
    clock: Clock,
    handlers: TimerHandlers,
    options: Partial<TimerSchedulerOptions> & {
      orm?: MikroORM;
      metrics?: TimerMetrics;
      logger?: TimerLogger;
    } = {},
  ): TimerScheduler {
    const orm = options.orm ?? this.orm;
    return new TimerScheduler(
      {
        orm,
        unitOfWork: this.unitOfWork(orm),
        handlers,
        clock,
        logger: options.logger ?? silentLogger,
        metrics: options.metrics,
      },
      { replicaId: 'replica-a', ...options },
    );
  }

  transaction<T>(work: (tx: EntityManager) => Promise<T>): Promise<T> {
    return this.orm.em.fork().transactional(work);
  }

  async count(sql: string, params: unknown[] = []): Promise<number> {
    const [row] = await executeSql<{ count: string }>(this.orm.em.fork(), sql, params);
    return Number(row?.count);
  }

  async close(): Promise<void> {
    await Promise.all(this.orms.map((orm) => orm.close()));
    await this.database.drop();
  }
}

export function breachTimer(dueAt: Date, overrides: Partial<NewTimer> = {}): NewTimer {
  return {
    complaintId: uuidv7(),
    kind: 'clock_breach',
    subjectKey: 'resolution',
    dueAt,
    payload: { policyId: 'mimo', policyVersion: 1, warnAt: null },
    traceparent: null,
    ...overrides,
  };
}

/** What a clock module's breach handler will do: emit `sla.clock-breached` from the timer's payload. */
export const emitBreach: TimerHandler = async (_tx, timer, firing, events) => {
  await events.emit(SlaClockBreachedV1, {
    metric: timer.subjectKey,
    policyId: String(timer.payload['policyId']),
    policyVersion: Number(timer.payload['policyVersion']),
    dueAt: timer.dueAt.toISOString(),
    warnAt: null,
    firedAt: firing.firedAt.toISOString(),
    lagMs: firing.lagMs,
    late: firing.late,
  });
};

export function breachHandlers(handler: TimerHandler = emitBreach): TimerHandlers {
  const handlers = new TimerHandlers();
  handlers.register('clock_breach', handler);
  return handlers;
}

export function scheduleAll(fixture: TimerTestDatabase, store: TimerStore, timers: readonly NewTimer[]) {
  return fixture.transaction(async (tx) => {
    for (const timer of timers) await store.schedule(tx, timer);
  });
}
