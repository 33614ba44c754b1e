import { decideBreach } from './breach-watermark';

describe(decideBreach.name, () => {
  const dueAt = new Date('2026-11-23T10:30:00.000Z');
  const after = (ms: number) => new Date(dueAt.getTime() + ms);
  const threeMinutes = 180_000;
  const behindSince = (ms: number) => ({ state: 'behind', oldestUnprocessedAt: after(ms) }) as const;

  it('declares a breach once every event stored up to the deadline is processed', () => {
    expect(decideBreach(dueAt, dueAt, { state: 'caught_up' }, threeMinutes)).toEqual({ kind: 'declare' });
    expect(decideBreach(dueAt, after(500), behindSince(1), threeMinutes)).toEqual({ kind: 'declare' });
  });

  it('defers it while an event stored before the deadline, or at it, waits unprocessed', () => {
    expect(decideBreach(dueAt, dueAt, behindSince(-60_000), threeMinutes)).toEqual({ kind: 'defer', recheckAt: after(1000) });
    expect(decideBreach(dueAt, after(200), behindSince(0), threeMinutes)).toEqual({ kind: 'defer', recheckAt: after(1200) });
  });

  it('looks again after as long as it has waited, at least a second and at most fifteen', () => {
    const waiting = behindSince(-1);
    expect(decideBreach(dueAt, after(4000), waiting, threeMinutes)).toEqual({ kind: 'defer', recheckAt: after(8000) });
    expect(decideBreach(dueAt, after(60_000), waiting, threeMinutes)).toEqual({ kind: 'defer', recheckAt: after(75_000) });
  });

  it('waits while the progress is unknown, as if the consumer were behind', () => {
    expect(decideBreach(dueAt, after(2000), { state: 'unknown' }, threeMinutes)).toEqual({ kind: 'defer', recheckAt: after(4000) });
  });

  it('never looks again later than the longest deferral, and declares the breach unconfirmed once it has passed', () => {
    const waiting = behindSince(-1);
    expect(decideBreach(dueAt, after(threeMinutes - 3000), waiting, threeMinutes)).toEqual({
      kind: 'defer',
      recheckAt: after(threeMinutes),
    });
    expect(decideBreach(dueAt, after(threeMinutes), waiting, threeMinutes)).toEqual({ kind: 'declare_unconfirmed' });
    expect(decideBreach(dueAt, after(1), { state: 'unknown' }, 0)).toEqual({ kind: 'declare_unconfirmed' });
  });
});
