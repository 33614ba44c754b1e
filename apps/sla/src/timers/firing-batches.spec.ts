import { Timer } from './timer';
import { firingBatches } from './timer-scheduler';

const timer = (id: string, complaintId: string): Timer => ({
  id,
  complaintId,
  kind: 'clock_breach',
  subjectKey: id,
  dueAt: new Date('2026-11-20T17:00:00.000Z'),
  payload: {},
  traceparent: null,
  createdAt: new Date('2026-11-20T09:00:00.000Z'),
  claimedBy: 'replica-a',
  claimExpiresAt: null,
  firedAt: null,
  lagMs: null,
  late: null,
  cancelledAt: null,
});

describe(firingBatches.name, () => {
  it('splits a claim into about equal batches, one per firing transaction', () => {
    const claim = Array.from({ length: 10 }, (_, i) => timer(`t${i}`, `c${i}`));
    expect(firingBatches(claim, 4).map((batch) => batch.length)).toEqual([3, 3, 3, 1]);
    expect(firingBatches(claim, 1)).toHaveLength(1);
    expect(firingBatches([], 4)).toEqual([]);
  });

  it('keeps the timers of one complaint in one batch, so two batches never wait on the same complaint', () => {
    const claim = [timer('a1', 'a'), timer('b1', 'b'), timer('a2', 'a'), timer('b2', 'b'), timer('c1', 'c'), timer('a3', 'a')];
    const batches = firingBatches(claim, 3);
    expect(batches.map((batch) => batch.map((t) => t.id))).toEqual([['a1', 'a2', 'a3'], ['b1', 'b2'], ['c1']]);
  });
});
