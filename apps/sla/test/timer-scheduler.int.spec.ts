import { envelopeSchema } from '@complaints/contracts';
import { derivedEventId } from '@complaints/messaging';
import { executeSql } from '@complaints/persistence';
import { waitFor } from '@complaints/testing';
import { TimerClaims } from '../src/timers/timer-claims';
import { TimerScheduler } from '../src/timers/timer-scheduler';
import { TimerStore } from '../src/timers/timer-store';
import {
  FakeClock,
  TimerTestDatabase,
  breachHandlers,
  breachTimer,
  emitBreach,
  scheduleAll,
} from './timer-fixture';

describe(TimerScheduler.name, () => {
  const start = new Date('2026-11-20T09:00:00.000Z');
  let db: TimerTestDatabase;

  beforeAll(async () => {
    db = await TimerTestDatabase.create();
  });
  afterAll(() => db.close());

  async function outboxPayloads(complaintId: string): Promise<unknown[]> {
    const rows = await executeSql<{ payload: unknown }>(
      db.orm.em.fork(),
      `select payload from sla.outbox where complaint_id = ? order by created_at`,
      [complaintId],
    );
    return rows.map((row) => row.payload);
  }

  it('fires a timer once, at its due instant, and emits its event in the same transaction', async () => {
    const clock = new FakeClock(start);
    const store = new TimerStore(clock);
    const dueAt = new Date(start.getTime() + 60_000);
    const timer = await db.transaction((tx) => store.schedule(tx, breachTimer(dueAt)));
    const scheduler = db.scheduler(clock, breachHandlers());

    clock.set(new Date(dueAt.getTime() - 1));
    expect(await scheduler.fireDue()).toBe(0);

    clock.set(dueAt);
    expect(await scheduler.fireDue()).toBe(1);
    clock.advance(5000);
    expect(await scheduler.fireDue()).toBe(0);

    expect(await store.find(db.orm.em.fork(), timer.id)).toMatchObject({
      firedAt: dueAt,
      lagMs: 0,
      late: false,
      claimedBy: 'replica-a',
    });
    const [event] = await outboxPayloads(timer.complaintId);
    expect(envelopeSchema.parse(event)).toMatchObject({
      id: derivedEventId(timer.id, 'sla.clock-breached'),
      type: 'sla.clock-breached',
      complaintId: timer.complaintId,
      actor: { kind: 'system', id: 'sla' },
      occurredAt: dueAt.toISOString(),
      data: {
        metric: 'resolution',
        dueAt: dueAt.toISOString(),
        firedAt: dueAt.toISOString(),
        lagMs: 0,
        late: false,
      },
    });
  });

  it('does not fire a cancelled timer', async () => {
    const clock = new FakeClock(start);
    const store = new TimerStore(clock);
    const timer = await db.transaction((tx) =>
      store.schedule(tx, breachTimer(new Date(start.getTime() + 1000))),
    );
    await db.transaction((tx) => store.cancel(tx, { complaintId: timer.complaintId }));

    clock.advance(60_000);
    await db.scheduler(clock, breachHandlers()).fireDue();

    expect(await store.find(db.orm.em.fork(), timer.id)).toMatchObject({ firedAt: null, cancelledAt: start });
    expect(await outboxPayloads(timer.complaintId)).toEqual([]);
  });

  it("takes over a dead replica's claim once its lease expires", async () => {
    const clock = new FakeClock(start);
    const store = new TimerStore(clock);
    const dueAt = new Date(start.getTime() + 1000);
    const timer = await db.transaction((tx) => store.schedule(tx, breachTimer(dueAt)));
    const leaseMs = 10_000;

    // Replica A claims and dies before firing.
    clock.set(dueAt);
    const claimedByA = await new TimerClaims().claimDue(
      db.orm.em.fork(),
      'replica-a',
      clock.now(),
      leaseMs,
      100,
    );
    expect(claimedByA.map((t) => t.id)).toContain(timer.id);

    const replicaB = db.scheduler(clock, breachHandlers(), { replicaId: 'replica-b', leaseMs });
    clock.advance(leaseMs - 1);
    await replicaB.fireDue();
    expect(await store.find(db.orm.em.fork(), timer.id)).toMatchObject({
      firedAt: null,
      claimedBy: 'replica-a',
    });

    clock.advance(2);
    await replicaB.fireDue();
    expect(await store.find(db.orm.em.fork(), timer.id)).toMatchObject({
      claimedBy: 'replica-b',
      firedAt: new Date(dueAt.getTime() + leaseMs + 1),
      lagMs: leaseMs + 1,
      late: true,
    });
    expect(await outboxPayloads(timer.complaintId)).toHaveLength(1);
  });

  it('catches up on start: every overdue timer fires once, marked late with its lag', async () => {
    const clock = new FakeClock(start);
    const store = new TimerStore(clock);
    const overdue = Array.from({ length: 50 }, (_, i) =>
      breachTimer(new Date(start.getTime() - (i + 1) * 60_000), { subjectKey: 'catch_up' }),
    );
    await scheduleAll(db, store, overdue);

    const scheduler = db.scheduler(clock, breachHandlers(), { batchSize: 7 });
    scheduler.start();
    try {
      await waitFor(
        'the overdue timers to fire',
        async () =>
          (await db.count(
            `select count(*) from sla.timers where subject_key = 'catch_up' and fired_at is not null`,
          )) === 50,
      );
    } finally {
      await scheduler.stop();
    }

    for (const [i, timer] of overdue.entries()) {
      const [fired] = await store.list(db.orm.em.fork(), { complaintId: timer.complaintId });
      expect(fired).toMatchObject({ firedAt: start, lagMs: (i + 1) * 60_000, late: true });
      expect(await outboxPayloads(timer.complaintId)).toHaveLength(1);
    }
  });

  it("commits the handler's event and the fired mark together: a failing handler leaves neither, and it is retried", async () => {
    const clock = new FakeClock(start);
    const store = new TimerStore(clock);
    const dueAt = new Date(start.getTime() + 1000);
    const timer = await db.transaction((tx) => store.schedule(tx, breachTimer(dueAt)));
    let failuresLeft = 1;
    const scheduler = db.scheduler(
      clock,
      breachHandlers(async (tx, claimed, firing, events) => {
        await emitBreach(tx, claimed, firing, events);
        if (failuresLeft-- > 0) throw new Error('downstream rule failed after emitting');
      }),
      { leaseMs: 10_000 },
    );

    clock.set(dueAt);
    expect(await scheduler.fireDue()).toBe(0);
    expect(await store.find(db.orm.em.fork(), timer.id)).toMatchObject({ firedAt: null, lagMs: null });
    expect(await outboxPayloads(timer.complaintId)).toEqual([]);

    // Its own claim holds it until the lease ends; then it is tried again.
    clock.advance(5000);
    expect(await scheduler.fireDue()).toBe(0);
    clock.advance(5001);
    expect(await scheduler.fireDue()).toBe(1);
    expect(await store.find(db.orm.em.fork(), timer.id)).toMatchObject({
      firedAt: clock.now(),
      lagMs: 10_001,
      late: true,
    });
    expect(await outboxPayloads(timer.complaintId)).toHaveLength(1);
  });

  it('leaves a timer of a kind it has no handler for to a replica that has one', async () => {
    const clock = new FakeClock(start);
    const store = new TimerStore(clock);
    const timer = await db.transaction((tx) =>
      store.schedule(tx, breachTimer(start, { kind: 'regular_update', subjectKey: '' })),
    );

    expect(await db.scheduler(clock, breachHandlers()).fireDue()).toBe(0);
    expect(await store.find(db.orm.em.fork(), timer.id)).toMatchObject({ firedAt: null });
  });
});
