import { executeSql } from '@complaints/persistence';
import { waitFor } from '@complaints/testing';
import { systemClock } from '../src/timers/clock';
import { TimerScheduler } from '../src/timers/timer-scheduler';
import { TimerStore } from '../src/timers/timer-store';
import { TimerTestDatabase, breachHandlers, breachTimer } from './timer-fixture';

const TIMERS = 10_000;

describe(`${TimerScheduler.name} with several replicas`, () => {
  let db: TimerTestDatabase;

  beforeAll(async () => {
    db = await TimerTestDatabase.create();
  });
  afterAll(() => db.close());

  it(`fires each of ${TIMERS} timers exactly once when two replicas race for them`, async () => {
    // Both replicas share this one Node process here, so each keeps more firings in flight
    // than the default to give PostgreSQL the parallelism two processes would.
    const replicas = await Promise.all(
      ['replica-a', 'replica-b'].map(async (replicaId) =>
        db.scheduler(systemClock, breachHandlers(), { replicaId, orm: await db.connect(), concurrency: 8 }),
      ),
    );
    replicas.forEach((replica) => replica.start());
    try {
      // Due over the next two seconds, scheduled while both replicas run: they learn of them by reloading.
      const firstDue = Date.now() + 1000;
      const store = new TimerStore(systemClock);
      await db.transaction(async (tx) => {
        for (let i = 0; i < TIMERS; i++) {
          await store.schedule(tx, breachTimer(new Date(firstDue + Math.floor((i * 2000) / TIMERS))));
        }
      });

      await waitFor(
        'every timer to fire',
        async () => (await db.count(`select count(*) from sla.timers where fired_at is not null`)) === TIMERS,
        25_000,
        100,
      );
    } finally {
      await Promise.all(replicas.map((replica) => replica.stop()));
    }

    expect(await db.count(`select count(*) from sla.timers where fired_at is null`)).toBe(0);
    expect(await db.count(`select count(*) from sla.outbox`)).toBe(TIMERS);
    // One event per timer, not merely the right number of events.
    expect(await db.count(`select count(distinct complaint_id) from sla.outbox`)).toBe(TIMERS);
    const byReplica = await executeSql<{ claimed_by: string; count: string }>(
      db.orm.em.fork(),
      `select claimed_by, count(*) as count from sla.timers group by claimed_by order by claimed_by`,
    );
    expect(byReplica.map((row) => row.claimed_by)).toEqual(['replica-a', 'replica-b']);
  }, 40_000);
});
