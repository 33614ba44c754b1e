import { executeSql } from '@complaints/persistence';
import { TimerStore } from '../src/timers/timer-store';
import { FakeClock, TimerTestDatabase, breachTimer } from './timer-fixture';

describe(TimerStore.name, () => {
  const clock = new FakeClock(new Date('2026-11-20T09:00:00.000Z'));
  const store = new TimerStore(clock);
  let db: TimerTestDatabase;

  beforeAll(async () => {
    db = await TimerTestDatabase.create();
  });
  afterAll(() => db.close());

  it('schedules a timer once however often the same key and instant are scheduled', async () => {
    const timer = breachTimer(new Date('2026-11-27T17:00:00.000Z'));
    const first = await db.transaction((tx) => store.schedule(tx, timer));
    const again = await db.transaction((tx) => store.schedule(tx, { ...timer, payload: { other: true } }));

    expect(again.id).toBe(first.id);
    expect(again.payload).toEqual(timer.payload);
    expect(await store.list(db.orm.em.fork(), { complaintId: timer.complaintId })).toHaveLength(1);
  });

  it('stores what the firing needs: the due instant, payload and the complaint trace', async () => {
    const traceparent = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
    const scheduled = await db.transaction((tx) =>
      store.schedule(tx, breachTimer(new Date('2026-11-21T10:30:00.000Z'), { traceparent })),
    );

    const stored = await store.find(db.orm.em.fork(), scheduled.id);
    expect(stored).toMatchObject({
      kind: 'clock_breach',
      subjectKey: 'resolution',
      dueAt: new Date('2026-11-21T10:30:00.000Z'),
      payload: { policyId: 'mimo', policyVersion: 1, warnAt: null },
      traceparent,
      claimedBy: null,
      firedAt: null,
      cancelledAt: null,
    });
  });

  it('cancels only the pending timers the filter selects', async () => {
    const breach = breachTimer(new Date('2026-11-27T17:00:00.000Z'));
    const warning = { ...breach, kind: 'clock_warning', dueAt: new Date('2026-11-26T11:00:00.000Z') };
    const otherClock = { ...breach, subjectKey: 'acknowledgement' };
    await db.transaction(async (tx) => {
      for (const timer of [breach, warning, otherClock]) await store.schedule(tx, timer);
    });

    const cancelled = await db.transaction((tx) =>
      store.cancel(tx, { complaintId: breach.complaintId, subjectKey: 'resolution' }),
    );

    expect(cancelled).toBe(2);
    const pending = await store.pending(db.orm.em.fork(), { complaintId: breach.complaintId });
    expect(pending.map((timer) => timer.subjectKey)).toEqual(['acknowledgement']);
    const all = await store.list(db.orm.em.fork(), {
      complaintId: breach.complaintId,
      subjectKey: 'resolution',
    });
    expect(all.every((timer) => timer.cancelledAt?.getTime() === clock.now().getTime())).toBe(true);
  });

  it('reschedules by cancelling the old instant, and keeps a timer whose instant did not change', async () => {
    const original = breachTimer(new Date('2026-11-27T17:00:00.000Z'));
    const first = await db.transaction((tx) => store.schedule(tx, original));

    const unchanged = await db.transaction((tx) => store.reschedule(tx, original));
    expect(unchanged.id).toBe(first.id);

    const moved = await db.transaction((tx) =>
      store.reschedule(tx, { ...original, dueAt: new Date('2026-11-30T17:00:00.000Z') }),
    );
    expect(moved.id).not.toBe(first.id);
    const pending = await store.pending(db.orm.em.fork(), { complaintId: original.complaintId });
    expect(pending.map((timer) => timer.dueAt.toISOString())).toEqual(['2026-11-30T17:00:00.000Z']);

    // Resumed back to the first deadline (a pause with no open time in it): schedulable again.
    const back = await db.transaction((tx) => store.reschedule(tx, original));
    expect(back.id).not.toBe(first.id);
    expect(
      (await store.pending(db.orm.em.fork(), { complaintId: original.complaintId })).map((t) => t.id),
    ).toEqual([back.id]);
  });

  it('refuses to schedule outside a transaction, where a timer could outlive a failed change', async () => {
    await expect(store.schedule(db.orm.em.fork(), breachTimer(new Date()))).rejects.toThrow(
      /inside the transaction/,
    );
  });

  it('purges ended timers past their retention, a limited batch at a time, and nothing pending', async () => {
    const longAgo = new Date('2026-01-05T10:00:00.000Z');
    const lately = new Date('2026-11-19T10:00:00.000Z');
    const retainedFrom = new Date('2026-10-21T09:00:00.000Z');
    const timers = await db.transaction((tx) =>
      Promise.all(
        [longAgo, longAgo, longAgo, lately, lately, longAgo].map((dueAt) =>
          store.schedule(tx, breachTimer(dueAt)),
        ),
      ),
    );
    const [firedLongAgo, alsoFiredLongAgo, cancelledLongAgo, firedLately, cancelledLately, pendingLongAgo] =
      timers.map((timer) => timer.id);
    const end = (column: 'fired_at' | 'cancelled_at', at: Date, ids: (string | undefined)[]) =>
      db.transaction((tx) =>
        executeSql(tx, `update sla.timers set ${column} = ? where id = any(?::uuid[])`, [
          at,
          `{${ids.join(',')}}`,
        ]),
      );
    await end('fired_at', longAgo, [firedLongAgo, alsoFiredLongAgo]);
    await end('cancelled_at', longAgo, [cancelledLongAgo]);
    await end('fired_at', lately, [firedLately]);
    await end('cancelled_at', lately, [cancelledLately]);
    const remaining = async () =>
      (await Promise.all(timers.map((timer) => store.find(db.orm.em.fork(), timer.id)))).flatMap((timer) =>
        timer ? [timer.id] : [],
      );

    expect(await store.purgeEnded(db.orm.em.fork(), retainedFrom, 2)).toBe(2);
    expect(await store.purgeEnded(db.orm.em.fork(), retainedFrom, 2)).toBe(1);
    expect(await store.purgeEnded(db.orm.em.fork(), retainedFrom, 2)).toBe(0);
    expect(await remaining()).toEqual([firedLately, cancelledLately, pendingLongAgo]);
  });
});
