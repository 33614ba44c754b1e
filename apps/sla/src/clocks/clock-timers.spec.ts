import { ClockState } from './clock-state';
import { clockTimerChanges } from './clock-timers';

const dueAt = new Date('2026-11-23T10:30:00Z');
const warnAt = new Date('2026-11-23T10:00:00Z');
const running: ClockState = {
  metric: 'acknowledgement',
  status: 'running',
  startedAt: new Date('2026-11-20T16:30:00Z'),
  dueAt,
  warnAt,
  metAt: null,
  breachedAt: null,
  explanation: '',
  steps: [],
};

describe(clockTimerChanges.name, () => {
  it('schedules a warning and a breach for a clock that starts running', () => {
    expect(clockTimerChanges([], [running])).toEqual([
      { metric: 'acknowledgement', kind: 'clock_warning', dueAt: warnAt },
      { metric: 'acknowledgement', kind: 'clock_breach', dueAt },
    ]);
  });

  it('touches no timer when nothing moved', () => {
    expect(clockTimerChanges([running], [{ ...running, explanation: 'the same deadline' }])).toEqual([]);
  });

  it('moves only the timer whose instant changed', () => {
    const later = new Date('2026-11-23T12:00:00Z');
    expect(clockTimerChanges([running], [{ ...running, dueAt: later }])).toEqual([
      { metric: 'acknowledgement', kind: 'clock_breach', dueAt: later },
    ]);
  });

  it.each(['paused', 'met', 'cancelled'] as const)('cancels both timers of a clock that is now %s', (status) => {
    expect(clockTimerChanges([running], [{ ...running, status }])).toEqual([
      { metric: 'acknowledgement', kind: 'clock_warning', dueAt: null },
      { metric: 'acknowledgement', kind: 'clock_breach', dueAt: null },
    ]);
  });

  it('keeps the breach timer of a clock kept after its deadline, so it still announces the breach', () => {
    expect(clockTimerChanges([running], [{ ...running, status: 'breached', breachedAt: dueAt }])).toEqual([
      { metric: 'acknowledgement', kind: 'clock_warning', dueAt: null },
    ]);
  });

  describe('a recurring clock starting a new span', () => {
    const nextStart = new Date('2026-11-23T10:15:00Z');
    const nextSpan: ClockState = {
      ...running,
      startedAt: nextStart,
      warnAt: new Date('2026-11-24T04:15:00Z'),
      dueAt: new Date('2026-11-24T10:15:00Z'),
    };

    it('moves both timers to the new span when restarted in time, which cancels the old ones', () => {
      expect(clockTimerChanges([running], [nextSpan])).toEqual([
        { metric: 'acknowledgement', kind: 'clock_warning', dueAt: nextSpan.warnAt },
        { metric: 'acknowledgement', kind: 'clock_breach', dueAt: nextSpan.dueAt },
      ]);
    });

    it('schedules both timers again for a clock whose last span was breached', () => {
      expect(clockTimerChanges([{ ...running, status: 'breached', breachedAt: dueAt }], [nextSpan])).toEqual([
        { metric: 'acknowledgement', kind: 'clock_warning', dueAt: nextSpan.warnAt },
        { metric: 'acknowledgement', kind: 'clock_breach', dueAt: nextSpan.dueAt },
      ]);
    });

    it('keeps the pending breach of a span restarted after its deadline, so that breach is still announced', () => {
      const late = { ...nextSpan, startedAt: new Date('2026-11-23T11:00:00Z') };
      expect(clockTimerChanges([running], [late])).toEqual([
        { metric: 'acknowledgement', kind: 'clock_warning', dueAt: late.warnAt },
        { metric: 'acknowledgement', kind: 'clock_breach', dueAt: late.dueAt, besidePending: true },
      ]);
      expect(clockTimerChanges([running], [{ ...late, status: 'paused', dueAt: null, warnAt: null }])).toEqual([
        { metric: 'acknowledgement', kind: 'clock_warning', dueAt: null },
      ]);
    });
  });

  it('schedules nothing for a clock that has not started', () => {
    expect(clockTimerChanges([], [{ ...running, status: 'pending', startedAt: null, dueAt: null, warnAt: null }])).toEqual([]);
  });
});
