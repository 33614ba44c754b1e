import { ClockState } from './clock-state';
import { settleBreaches } from './breach-withdrawals';

const at = (iso: string) => new Date(iso);

const running: ClockState = {
  metric: 'acknowledgement',
  status: 'running',
  startedAt: at('2026-11-20T16:30:00Z'),
  dueAt: at('2026-11-23T10:30:00Z'),
  warnAt: at('2026-11-23T10:00:00Z'),
  metAt: null,
  breachedAt: null,
  explanation: 'Due 2 business hours after receipt.',
  steps: ['due 2 business hours after receipt'],
};

/** As the breach timer leaves a clock that was running at its deadline. */
const timerBreach: ClockState = {
  ...running,
  status: 'breached',
  breachedAt: at('2026-11-23T10:30:00Z'),
  steps: [...running.steps, 'breached: the deadline passed while the clock was running'],
};

describe(settleBreaches.name, () => {
  it("keeps the timer's breach while the history still has the clock running to that deadline", () => {
    expect(settleBreaches([timerBreach], [running])).toEqual({ clocks: [timerBreach], withdrawn: [] });
  });

  it('withdraws the breach when a stop before the deadline reaches sla after it', () => {
    const met: ClockState = { ...running, status: 'met', metAt: at('2026-11-23T09:45:00Z') };
    expect(settleBreaches([timerBreach], [met])).toEqual({
      clocks: [met],
      withdrawn: [{ breachedAt: at('2026-11-23T10:30:00Z'), current: met }],
    });
  });

  it('withdraws the breach when a pause that began before the deadline moves it', () => {
    const paused: ClockState = { ...running, status: 'paused', dueAt: null, warnAt: null };
    expect(settleBreaches([timerBreach], [paused]).withdrawn).toEqual([{ breachedAt: at('2026-11-23T10:30:00Z'), current: paused }]);
  });

  it('keeps the breach of a promise kept after its deadline, with when it was kept', () => {
    const lateStop: ClockState = { ...timerBreach, metAt: at('2026-11-23T12:00:00Z') };
    expect(settleBreaches([timerBreach], [lateStop])).toEqual({ clocks: [lateStop], withdrawn: [] });
  });

  it('keeps the breach of a span when the clock runs again in a span that began after it', () => {
    const nextSpan: ClockState = { ...running, startedAt: at('2026-11-23T12:00:00Z'), dueAt: at('2026-11-24T12:00:00Z') };
    expect(settleBreaches([timerBreach], [nextSpan])).toEqual({ clocks: [nextSpan], withdrawn: [] });
  });
});
