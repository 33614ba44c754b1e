import { UpcomingTimers } from './upcoming-timers';

const at = (seconds: number) => new Date(Date.UTC(2026, 10, 20, 9, 0, seconds));
const loaded = (id: string, dueSeconds: number, readySeconds = dueSeconds) => ({ id, dueAt: at(dueSeconds), readyAt: at(readySeconds) });

describe(UpcomingTimers.name, () => {
  it('wakes at the earliest ready instant, counting another replica’s claim', () => {
    const upcoming = new UpcomingTimers();
    upcoming.load([loaded('a', 1, 12), loaded('b', 5)], at(30), 100);
    expect(upcoming.earliest()).toBe(at(5).getTime());
  });

  it('takes hints inside the window it holds and ignores later ones, which the next load brings', () => {
    const upcoming = new UpcomingTimers();
    upcoming.load([loaded('a', 10)], at(30), 100);
    expect(upcoming.hint(at(3))).toBe(true);
    expect(upcoming.hint(at(20))).toBe(false);
    expect(upcoming.hint(at(31))).toBe(false);
    expect(upcoming.takeReady(at(20).getTime()).map((wake) => wake.at)).toEqual([at(3), at(10), at(20)].map((d) => d.getTime()));
    expect(upcoming.earliest()).toBeUndefined();
  });

  it('keeps hints across a load, since their timers may not have been committed when it read', () => {
    const upcoming = new UpcomingTimers();
    upcoming.load([], at(30), 100);
    upcoming.hint(at(7));
    upcoming.load([loaded('a', 9)], at(35), 100);
    expect(upcoming.takeReady(at(9).getTime())).toEqual([{ at: at(7).getTime() }, { at: at(9).getTime(), timerId: 'a' }]);
  });

  it('covers only up to the last timer of a load cut at its limit, and says when that ran dry', () => {
    const upcoming = new UpcomingTimers();
    upcoming.load([loaded('a', 1), loaded('b', 2)], at(30), 2);
    expect(upcoming.hint(at(25))).toBe(false);
    expect(upcoming.exhausted()).toBe(false);
    upcoming.takeReady(at(2).getTime());
    expect(upcoming.exhausted()).toBe(true);
  });
});
