import { BusinessCalendar, ClockFacts, builtInPolicy, planClocksForFacts } from '@complaints/policy';
import { withBusinessTime } from './clock-business-time';
import { ClockState } from './clock-state';

// Mimo: Mon–Fri 09:00–17:00 UTC. Received Monday 23 November 2026 at 09:00, then awaiting the
// customer 10:00–12:00, which pauses resolution but not the other clocks.
const mimo = builtInPolicy('mimo');
const calendar = BusinessCalendar.of(mimo.calendar);
const at = (iso: string): Date => new Date(iso);
const facts: ClockFacts = {
  kind: 'complaint',
  channel: 'email',
  receivedAt: at('2026-11-23T09:00:00Z').getTime(),
  thirdParty: false,
  pauses: [
    {
      from: at('2026-11-23T10:00:00Z').getTime(),
      to: at('2026-11-23T12:00:00Z').getTime(),
      reason: 'awaiting_customer',
    },
  ],
  events: [],
};
const plan = planClocksForFacts(mimo, facts);

const clock = (metric: ClockState['metric'], state: Partial<ClockState>): ClockState => ({
  metric,
  status: 'running',
  startedAt: at('2026-11-23T09:00:00Z'),
  dueAt: null,
  warnAt: null,
  metAt: null,
  breachedAt: null,
  explanation: '',
  steps: [],
  ...state,
});

describe(withBusinessTime.name, () => {
  const acknowledgedLate = clock('acknowledgement', {
    status: 'breached',
    dueAt: at('2026-11-23T11:00:00Z'),
    breachedAt: at('2026-11-23T11:00:00Z'),
    metAt: at('2026-11-23T11:30:00Z'),
  });
  const resolved = clock('resolution', { status: 'met', metAt: at('2026-11-24T10:00:00Z') });
  const unanswered = clock('first_reply', {
    status: 'breached',
    dueAt: at('2026-11-23T17:00:00Z'),
    breachedAt: at('2026-11-23T17:00:00Z'),
  });
  const running = clock('survey_window', {});

  it('measures a stopped clock from its start to its event, leaving out the pauses it stops for', () => {
    const [acknowledgement, resolution] = withBusinessTime(calendar, facts, plan, [
      acknowledgedLate,
      resolved,
    ]);
    // The acknowledgement does not pause: 2 h 30 min, 30 min of them past its deadline.
    expect(acknowledgement).toMatchObject({ elapsedBusinessSeconds: 9_000, overdueBusinessSeconds: 1_800 });
    // Monday's 8 h less the 2 h pause, and Tuesday's first hour.
    expect(resolution).toMatchObject({ elapsedBusinessSeconds: 25_200, overdueBusinessSeconds: null });
  });

  it('measures a breached clock still waiting for its event to now, and only when now is given', () => {
    const [measured] = withBusinessTime(calendar, facts, plan, [unanswered], at('2026-11-24T10:00:00Z'));
    expect(measured).toMatchObject({ elapsedBusinessSeconds: 32_400, overdueBusinessSeconds: 3_600 });
    expect(withBusinessTime(calendar, facts, plan, [unanswered])).toEqual([unanswered]);
  });

  it('leaves clocks that have not ended, and clocks the plan no longer has, as they are', () => {
    const dropped = clock('regular_update', {
      status: 'met',
      metAt: at('2026-11-23T10:00:00Z'),
      elapsedBusinessSeconds: 5,
    });
    expect(withBusinessTime(calendar, facts, plan, [running, dropped], at('2026-11-24T10:00:00Z'))).toEqual([
      running,
      dropped,
    ]);
  });
});
