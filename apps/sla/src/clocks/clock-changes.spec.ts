import { ClockState } from './clock-state';
import { clockChanges } from './clock-changes';

const dueAt = '2026-11-23T10:30:00Z';
const running: ClockState = {
  metric: 'acknowledgement',
  status: 'running',
  startedAt: new Date('2026-11-20T16:30:00Z'),
  dueAt: new Date(dueAt),
  warnAt: new Date('2026-11-23T10:00:00Z'),
  metAt: null,
  breachedAt: null,
  explanation: '',
  steps: [],
};
const pending: ClockState = {
  ...running,
  metric: 'survey_window',
  status: 'pending',
  startedAt: null,
  dueAt: null,
  warnAt: null,
};

describe(clockChanges.name, () => {
  it('reports every clock of a first plan as new', () => {
    expect(clockChanges([], [running, pending])).toEqual([
      { previous: undefined, current: running },
      { previous: undefined, current: pending },
    ]);
  });

  it('reports nothing when no status or instant moved, whatever the explanation says', () => {
    const reworded = { ...running, explanation: 'the same deadline', steps: ['the same deadline'] };
    expect(clockChanges([running, pending], [reworded, pending])).toEqual([]);
    // Clocks read back from the database hold other Date objects for the same instants.
    expect(clockChanges([running], [{ ...running, dueAt: new Date(dueAt) }])).toEqual([]);
  });

  it('reports a clock whose status changed, and only that one', () => {
    const met: ClockState = { ...running, status: 'met', metAt: new Date('2026-11-23T09:45:00Z') };
    expect(clockChanges([running, pending], [met, pending])).toEqual([{ previous: running, current: met }]);
  });

  it.each(['startedAt', 'dueAt', 'warnAt', 'metAt', 'breachedAt'] as const)(
    'reports a clock whose %s moved',
    (instant) => {
      const moved = { ...running, [instant]: new Date('2026-11-24T12:00:00Z') };
      expect(clockChanges([running], [moved])).toEqual([{ previous: running, current: moved }]);
    },
  );

  it('reports a deadline that became unknown, as when a clock pauses', () => {
    const paused: ClockState = { ...running, status: 'paused', dueAt: null, warnAt: null };
    expect(clockChanges([running], [paused])).toEqual([{ previous: running, current: paused }]);
  });
});
