import { derivedEventId } from '@complaints/messaging';
import { executeSql } from '@complaints/persistence';
import { EntityManager } from '@mikro-orm/postgresql';
import { TimerClaims } from '../src/timers/timer-claims';
import { TimerFirer } from '../src/timers/timer-firer';
import { TimerHandlers } from '../src/timers/timer-handlers';
import { TimerMetrics } from '../src/timers/timer-metrics';
import { TimerStore } from '../src/timers/timer-store';
import { Timer } from '../src/timers/timer';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
import {
  FakeClock,
  TimerTestDatabase,
  breachHandlers,
  breachTimer,
  emitBreach,
  scheduleAll,
  silentLogger,
} from './timer-fixture';

/** Firing a claimed batch of timers in one transaction, with a savepoint per timer. */
describe('firing timers in batches', () => {
  let db: TimerTestDatabase;
  let instant = new Date('2026-11-20T17:00:00.000Z').getTime();

  beforeAll(async () => {
    db = await TimerTestDatabase.create();
  });
  afterAll(() => db.close());

  /** Each test fires at an instant of its own, a day after the previous test's, so their timers never mix. */
  function nextInstant(): Date {
    instant += 86_400_000;
    return new Date(instant);
  }

  async function outboxIds(complaintId: string): Promise<string[]> {
    const rows = await executeSql<{ id: string }>(
      db.orm.em.fork(),
      `select id from sla.outbox where complaint_id = ?`,
      [complaintId],
    );
    return rows.map((row) => row.id);
  }

  /** How many transactions last wrote these rows (`xmin`): 1 when one transaction marked them all. */
  async function writers(timers: readonly Timer[]): Promise<number> {
    return db.count(`select count(distinct xmin::text) as count from sla.timers where id = any(?::uuid[])`, [
      `{${timers.map((timer) => timer.id).join(',')}}`,
    ]);
  }

  it('fires a claimed batch in one transaction; a failing handler rolls back only itself and is retried after the lease', async () => {
    const dueAt = nextInstant();
    const clock = new FakeClock(new Date(dueAt.getTime() - 60_000));
    const store = new TimerStore(clock);
    // Close of business: six clocks due at the same instant.
    const batch = await db.transaction(async (tx) =>
      Promise.all(Array.from({ length: 6 }, () => store.schedule(tx, breachTimer(dueAt)))),
    );
    const failing = batch[3] as Timer;
    let failuresLeft = 1;
    const leaseMs = 10_000;
    const scheduler = db.scheduler(
      clock,
      breachHandlers(async (tx, timer, firing, events) => {
        // It emits its event before failing: that event must not survive either.
        await emitBreach(tx, timer, firing, events);
        if (timer.id === failing.id && failuresLeft-- > 0)
          throw new Error('downstream rule failed after emitting');
      }),
      { leaseMs, concurrency: 1 },
    );

    clock.set(dueAt);
    expect(await scheduler.fireDue()).toBe(5);

    for (const timer of batch.filter((t) => t.id !== failing.id)) {
      expect(await store.find(db.orm.em.fork(), timer.id)).toMatchObject({
        firedAt: dueAt,
        lagMs: 0,
        late: false,
      });
      expect(await outboxIds(timer.complaintId)).toEqual([derivedEventId(timer.id, 'sla.clock-breached')]);
    }
    expect(await store.find(db.orm.em.fork(), failing.id)).toMatchObject({
      firedAt: null,
      lagMs: null,
      late: null,
      claimedBy: 'replica-a',
    });
    expect(await outboxIds(failing.complaintId)).toEqual([]);
    // One firing transaction, one statement, marked the whole batch.
    expect(await writers(batch.filter((t) => t.id !== failing.id))).toBe(1);

    // Its claim holds it until the lease ends, then it fires, once; the others do not fire again.
    clock.advance(leaseMs - 1);
    expect(await scheduler.fireDue()).toBe(0);
    clock.advance(2);
    expect(await scheduler.fireDue()).toBe(1);
    expect(await store.find(db.orm.em.fork(), failing.id)).toMatchObject({
      firedAt: clock.now(),
      lagMs: leaseMs + 1,
      late: true,
    });
    for (const timer of batch) expect(await outboxIds(timer.complaintId)).toHaveLength(1);
  });

  it('confines a second failing handler of the same batch to its own timer too', async () => {
    const dueAt = nextInstant();
    const clock = new FakeClock(dueAt);
    const store = new TimerStore(clock);
    const batch = await db.transaction(async (tx) =>
      Promise.all(Array.from({ length: 5 }, () => store.schedule(tx, breachTimer(dueAt)))),
    );
    const failing = new Set([batch[1]?.id, batch[4]?.id]);
    const scheduler = db.scheduler(
      clock,
      breachHandlers(async (tx, timer, firing, events) => {
        await emitBreach(tx, timer, firing, events);
        if (failing.has(timer.id)) throw new Error('this rule always fails');
      }),
      { concurrency: 1 },
    );

    expect(await scheduler.fireDue()).toBe(3);
    for (const timer of batch) {
      const stored = await store.find(db.orm.em.fork(), timer.id);
      expect(stored?.firedAt).toEqual(failing.has(timer.id) ? null : dueAt);
      expect(await outboxIds(timer.complaintId)).toHaveLength(failing.has(timer.id) ? 0 : 1);
    }
    // They would fail forever: cancel them so the next tests' batches stay their own.
    const doomed = batch.filter((timer) => failing.has(timer.id));
    await db.transaction(async (tx) => {
      for (const timer of doomed) await store.cancel(tx, { complaintId: timer.complaintId });
    });
  });

  it('skips the timers of a claimed batch that were fired or cancelled meanwhile, and fires the rest', async () => {
    const dueAt = nextInstant();
    const clock = new FakeClock(dueAt);
    const store = new TimerStore(clock);
    const claims = new TimerClaims();
    const timers = [breachTimer(dueAt), breachTimer(dueAt), breachTimer(dueAt)];
    await scheduleAll(db, store, timers);
    const claimed = await claims.claimDue(db.orm.em.fork(), 'replica-a', dueAt, 10_000, 100);
    expect(claimed).toHaveLength(3);
    const [stale, cancelled, due] = claimed as [Timer, Timer, Timer];

    const firer = new TimerFirer(
      db.unitOfWork(),
      claims,
      breachHandlers(),
      clock,
      new TimerMetrics(),
      silentLogger,
      {
        lateThresholdMs: 1000,
      },
    );
    // Meanwhile a replica that had taken the first one over fired it, and a reschedule cancelled the second.
    expect(await firer.fire(stale)).toBe('fired');
    await db.transaction((tx) => store.cancel(tx, { complaintId: cancelled.complaintId }));

    const outcomes = await firer.fireBatch(claimed);

    expect(Object.fromEntries(outcomes)).toEqual({
      [stale.id]: 'skipped',
      [cancelled.id]: 'skipped',
      [due.id]: 'fired',
    });
    expect(await outboxIds(stale.complaintId)).toHaveLength(1);
    expect(await outboxIds(cancelled.complaintId)).toEqual([]);
    expect(await outboxIds(due.complaintId)).toEqual([derivedEventId(due.id, 'sla.clock-breached')]);
    expect(await store.find(db.orm.em.fork(), cancelled.id)).toMatchObject({
      firedAt: null,
      cancelledAt: dueAt,
    });
  });

  it('loses nothing when the batch transaction fails at COMMIT: every timer of it fires once after the lease', async () => {
    const dueAt = nextInstant();
    const clock = new FakeClock(dueAt);
    const store = new TimerStore(clock);
    const batch = await db.transaction(async (tx) =>
      Promise.all(Array.from({ length: 4 }, () => store.schedule(tx, breachTimer(dueAt)))),
    );
    let crashesLeft = 1;
    const leaseMs = 10_000;
    const scheduler = db.scheduler(
      clock,
      breachHandlers(async (tx, timer, firing, events) => {
        await emitBreach(tx, timer, firing, events);
        // A constraint checked only at COMMIT makes the COMMIT itself fail, after every handler
        // succeeded: as if the replica or the database died between the claim and the commit.
        if (crashesLeft-- > 0) {
          await executeSql(
            tx,
            'create temporary table doomed (id int unique deferrable initially deferred) on commit drop',
          );
          await executeSql(tx, 'insert into doomed values (1), (1)');
        }
      }),
      { leaseMs, concurrency: 1 },
    );

    expect(await scheduler.fireDue()).toBe(0);
    for (const timer of batch) {
      expect(await store.find(db.orm.em.fork(), timer.id)).toMatchObject({
        firedAt: null,
        claimedBy: 'replica-a',
      });
      expect(await outboxIds(timer.complaintId)).toEqual([]);
    }

    clock.advance(leaseMs + 1);
    expect(await scheduler.fireDue()).toBe(4);
    for (const timer of batch) {
      expect(await store.find(db.orm.em.fork(), timer.id)).toMatchObject({ lagMs: leaseMs + 1, late: true });
      expect(await outboxIds(timer.complaintId)).toHaveLength(1);
    }
    clock.advance(leaseMs + 1);
    expect(await scheduler.fireDue()).toBe(0);
  });

  it('locks the complaints before marking the batch, so a complaint event moving its timers meanwhile does not deadlock with it', async () => {
    const dueAt = nextInstant();
    const clock = new FakeClock(dueAt);
    const store = new TimerStore(clock);
    const timer = await db.transaction((tx) => store.schedule(tx, breachTimer(dueAt)));
    // Stands in for sla.complaints: what a clock handler and a complaint event both lock.
    await executeSql(
      db.orm.em.fork(),
      'create table if not exists sla.lockable_complaints (complaint_id uuid primary key)',
    );
    await executeSql(db.orm.em.fork(), 'insert into sla.lockable_complaints values (?)', [timer.complaintId]);
    const lockComplaint = (tx: EntityManager, complaintId: string) =>
      executeSql(tx, 'select 1 from sla.lockable_complaints where complaint_id = ? for update', [
        complaintId,
      ]);
    const handlers = breachHandlers(async (tx, fired, firing, events) => {
      await lockComplaint(tx, fired.complaintId);
      await emitBreach(tx, fired, firing, events);
    });
    handlers.lockBeforeMarking(async (tx, complaintIds) => {
      for (const complaintId of complaintIds) await lockComplaint(tx, complaintId);
    });
    const failures: unknown[] = [];
    const logger = { ...silentLogger, error: (details: unknown) => void failures.push(details) };
    const scheduler = db.scheduler(clock, handlers, { concurrency: 1, logger });

    // A complaint event locks the complaint; the firing starts while it holds the lock; then the event cancels the timer.
    let firingStarted!: () => void;
    const started = new Promise<void>((resolve) => (firingStarted = resolve));
    const event = db.transaction(async (tx) => {
      await lockComplaint(tx, timer.complaintId);
      firingStarted();
      await sleep(300);
      return store.cancel(tx, { complaintId: timer.complaintId });
    });
    await started;
    const firing = scheduler.fireDue();

    // Marking first, the firing would hold the timer's row while it waited for the complaint,
    // and PostgreSQL would abort one of the two as a deadlock.
    await expect(event).resolves.toBe(1);
    await expect(firing).resolves.toBe(0);
    expect(failures).toEqual([]);
    expect(await store.find(db.orm.em.fork(), timer.id)).toMatchObject({ firedAt: null, cancelledAt: dueAt });
    expect(await outboxIds(timer.complaintId)).toEqual([]);
  });

  it("runs a kind's batch handler once with all its timers; a failure it pins on no timer runs each timer alone", async () => {
    const dueAt = nextInstant();
    const clock = new FakeClock(dueAt);
    const store = new TimerStore(clock);
    const batch = await db.transaction(async (tx) =>
      Promise.all(Array.from({ length: 4 }, () => store.schedule(tx, breachTimer(dueAt)))),
    );
    const calls: number[] = [];
    let setWiseFailuresLeft = 1;
    const handlers = new TimerHandlers();
    handlers.registerBatch('clock_breach', async (tx, marked) => {
      calls.push(marked.length);
      for (const { timer, firing, events } of marked) await emitBreach(tx, timer, firing, events);
      if (marked.length > 1 && setWiseFailuresLeft-- > 0) throw new Error('a set-wise statement failed');
    });
    const scheduler = db.scheduler(clock, handlers, { concurrency: 1 });

    expect(await scheduler.fireDue()).toBe(4);
    expect(calls).toEqual([4, 1, 1, 1, 1]);
    for (const timer of batch) {
      expect(await outboxIds(timer.complaintId)).toEqual([derivedEventId(timer.id, 'sla.clock-breached')]);
    }
  });
});
