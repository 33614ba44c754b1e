import { DatabaseClock } from './database-clock';

describe(DatabaseClock.name, () => {
  let local = 1_000_000;
  const clock = () => new DatabaseClock(() => local, 60_000);

  it('reads the database time, half the round trip after the request left', () => {
    const db = clock();
    // The database is 20 s ahead; the round trip took 10 ms.
    db.observe({ sentAt: local, databaseTime: local + 20_005, receivedAt: local + 10 });
    local += 10;
    expect(db.now().getTime()).toBe(local + 20_000);
    expect(db.skewMs).toBe(20_000);
  });

  it('corrects a local clock that runs ahead, so nothing is due early', () => {
    const db = clock();
    db.observe({ sentAt: local, databaseTime: local - 20_000, receivedAt: local });
    expect(db.now().getTime()).toBe(local - 20_000);
  });

  it('keeps the reading with the shortest round trip, whose error bound is smallest', () => {
    const db = clock();
    expect(db.observe({ sentAt: local, databaseTime: local + 1_000, receivedAt: local + 2 })).toBe(true);
    expect(db.observe({ sentAt: local, databaseTime: local + 1_400, receivedAt: local + 800 })).toBe(false);
    expect(db.skewMs).toBe(999);
  });

  it('replaces a reading once it is old, since local clocks drift', () => {
    const db = clock();
    db.observe({ sentAt: local, databaseTime: local + 1_000, receivedAt: local + 2 });
    local += 61_000;
    expect(db.observe({ sentAt: local, databaseTime: local + 1_500, receivedAt: local + 40 })).toBe(true);
    expect(db.skewMs).toBe(1_480);
  });
});
