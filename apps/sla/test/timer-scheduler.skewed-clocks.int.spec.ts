import { executeSql } from '@complaints/persistence';
import { waitFor } from '@complaints/testing';
import { systemClock } from '../src/timers/clock';
import { DatabaseClock } from '../src/timers/database-clock';
import { DatabaseClockCalibration } from '../src/timers/database-clock-calibration';
import { TimerHandler } from '../src/timers/timer-handlers';
import { TimerScheduler } from '../src/timers/timer-scheduler';
import { TimerStore } from '../src/timers/timer-store';
import { TimerTestDatabase, breachHandlers, breachTimer, emitBreach } from './timer-fixture';

const TIMERS = 200;

describe(`${TimerScheduler.name} on replicas whose clocks disagree`, () => {
  let db: TimerTestDatabase;

  beforeAll(async () => {
    db = await TimerTestDatabase.create();
  });
  afterAll(() => db.close());

  /** What the database's own clock said when each timer's firing transaction ran. */
  const firedByDatabaseClock: TimerHandler = async (tx, timer, firing, events) => {
    await executeSql(
      tx,
      `update sla.timers set payload = payload || jsonb_build_object('dbFiredAt', clock_timestamp()) where id = ?`,
      [timer.id],
    );
    await emitBreach(tx, timer, firing, events);
  };

  it('fires nothing before it is due by the database clock, though one replica runs 20 s fast and the other 20 s slow', async () => {
    const replicas = await Promise.all(
      [
        ['fast', +20_000],
        ['slow', -20_000],
      ].map(async ([replicaId, skewMs]) => {
        const clock = new DatabaseClock(() => Date.now() + Number(skewMs));
        const orm = await db.connect();
        await new DatabaseClockCalibration(
          clock,
          () => orm.em.fork(),
          () => Date.now() + Number(skewMs),
        ).atStart();
        return db.scheduler(clock, breachHandlers(firedByDatabaseClock), {
          replicaId: String(replicaId),
          orm,
          reloadIntervalMs: 200,
        });
      }),
    );
    replicas.forEach((replica) => replica.start());
    try {
      const [now] = await executeSql<{ now: Date }>(db.orm.em.fork(), 'select clock_timestamp() as now');
      const firstDue = new Date(now?.now ?? Date.now()).getTime() + 1_500;
      const store = new TimerStore(systemClock);
      await db.transaction(async (tx) => {
        for (let i = 0; i < TIMERS; i++) await store.schedule(tx, breachTimer(new Date(firstDue + i * 10)));
      });
      await waitFor(
        'every timer to fire',
        async () => (await db.count(`select count(*) from sla.timers where fired_at is not null`)) === TIMERS,
        30_000,
        100,
      );
    } finally {
      await Promise.all(replicas.map((replica) => replica.stop()));
    }

    expect(
      await db.count(`select count(*) from sla.timers where (payload->>'dbFiredAt')::timestamptz < due_at`),
    ).toBe(0);
    // And each fired once.
    expect(await db.count(`select count(*) from sla.outbox`)).toBe(TIMERS);
  }, 45_000);
});
