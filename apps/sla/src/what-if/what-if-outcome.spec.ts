import { PlannedClock } from '@complaints/policy';
import { RecordedClock } from './complaints-to-replay';
import { actualOutcome, flips, wouldBeOutcome } from './what-if-outcome';

const at = (iso: string) => Date.parse(iso);

/** A running acknowledgement clock, started at receipt, due Monday 10:30, stopped by an acknowledgement. */
const planned = (changes: Partial<PlannedClock> = {}): PlannedClock => ({
  metric: 'acknowledgement',
  status: 'running',
  anchor: 'receipt',
  target: { amount: 2, unit: 'business_hours' },
  span: 1,
  startedAt: new Date('2026-11-20T16:30:00Z'),
  dueAt: new Date('2026-11-23T10:30:00Z'),
  warnAt: null,
  remainingMs: null,
  pausesWhile: [],
  stopsOn: ['acknowledged'],
  restartsOn: [],
  expectedDateApplied: false,
  defaulted: false,
  explanation: '',
  steps: [],
  ...changes,
});

describe(wouldBeOutcome.name, () => {
  const now = at('2026-12-01T00:00:00Z');

  it('is met when the stop comes at the deadline itself, breached when after it', () => {
    expect(wouldBeOutcome(planned(), [{ event: 'acknowledged', at: at('2026-11-23T10:30:00Z') }], now)).toBe(
      'met',
    );
    expect(wouldBeOutcome(planned(), [{ event: 'acknowledged', at: at('2026-11-23T10:30:01Z') }], now)).toBe(
      'breached',
    );
  });

  it('ignores events the clock does not stop on', () => {
    expect(
      wouldBeOutcome(
        planned(),
        [{ event: 'responded', at: at('2026-11-23T09:00:00Z') }],
        at('2026-11-23T10:00:00Z'),
      ),
    ).toBe('running');
  });

  it('is breached once the deadline passed unstopped, at the instant it is judged or at the close if earlier', () => {
    expect(wouldBeOutcome(planned(), [], at('2026-11-23T10:30:00Z'))).toBe('breached');
    expect(wouldBeOutcome(planned(), [], at('2026-11-23T10:29:59Z'))).toBe('running');
    expect(wouldBeOutcome(planned(), [{ event: 'closed', at: at('2026-11-23T10:00:00Z') }], now)).toBe(
      'cancelled',
    );
    expect(wouldBeOutcome(planned(), [{ event: 'closed', at: at('2026-11-23T11:00:00Z') }], now)).toBe(
      'breached',
    );
  });

  it('leaves a clock that never started pending, and one the draft lacks absent', () => {
    expect(
      wouldBeOutcome(planned({ status: 'pending', startedAt: null, dueAt: null, span: null }), [], now),
    ).toBe('pending');
    expect(wouldBeOutcome(undefined, [], now)).toBe('absent');
  });

  it('counts a stop during an open pause (no deadline yet) as met', () => {
    expect(
      wouldBeOutcome(
        planned({ status: 'paused', dueAt: null }),
        [{ event: 'acknowledged', at: at('2026-11-25T10:00:00Z') }],
        now,
      ),
    ).toBe('met');
  });
});

describe(actualOutcome.name, () => {
  const stored = (status: RecordedClock['status']): RecordedClock => ({
    metric: 'acknowledgement',
    status,
    dueAt: null,
    metAt: null,
  });

  it('reads a paused clock as running and every other status as it is', () => {
    expect(actualOutcome(stored('paused'))).toBe('running');
    expect(actualOutcome(stored('breached'))).toBe('breached');
    expect(actualOutcome(stored('cancelled'))).toBe('cancelled');
    expect(actualOutcome(undefined)).toBe('absent');
  });
});

describe(flips.name, () => {
  it('flips between verdicts, and between a verdict and none', () => {
    expect(flips('met', 'breached')).toBe(true);
    expect(flips('running', 'breached')).toBe(true);
    expect(flips('absent', 'breached')).toBe(true);
    expect(flips('met', 'cancelled')).toBe(true);
  });

  it('does not flip the same outcome, nor one clock without a promise for another', () => {
    expect(flips('met', 'met')).toBe(false);
    expect(flips('cancelled', 'absent')).toBe(false);
    expect(flips('pending', 'absent')).toBe(false);
  });
});
