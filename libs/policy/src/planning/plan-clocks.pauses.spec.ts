import { clockOf, planInZone } from '../../test/plan-helpers';
import { policyWith } from '../../test/policy-fixtures';
import { clockPlanToJson } from './clock-plan';
import { planClocks } from './plan-clocks';

describe(`${planClocks.name} with pauses and short clocks`, () => {
  // The fixture's calendar: Europe/Paris, Mon–Fri 09:00–17:00.
  const policy = policyWith({
    clocks: [
      {
        id: 'first_reply',
        startsAt: 'receipt',
        target: { amount: 4, unit: 'business_hours' },
        stopsOn: ['responded'],
        pausesWhile: ['awaiting_customer'],
      },
      {
        id: 'resolution',
        startsAt: 'receipt',
        target: { amount: 48, unit: 'hours' },
        stopsOn: ['resolved'],
        pausesWhile: ['awaiting_customer'],
      },
    ],
  });
  const received = '2026-01-05T10:00:00+01:00';

  it('moves a business clock by the open time inside the pause only', () => {
    const clocks = planInZone(policy, {
      kind: 'complaint',
      channel: 'email',
      receivedAt: received,
      pauses: [{ from: '2026-01-05T11:00:00+01:00', to: '2026-01-05T20:00:00+01:00' }],
    });
    // 1 h runs before the pause; 6 h of open time inside it; 3 h remain from Tuesday 09:00.
    expect(clocks['first_reply']?.dueAt).toBe('2026-01-06T12:00:00+01:00');
  });

  it('moves an elapsed-time clock by the whole pause', () => {
    const clocks = planInZone(policy, {
      kind: 'complaint',
      channel: 'email',
      receivedAt: received,
      pauses: [{ from: '2026-01-05T11:00:00+01:00', to: '2026-01-05T20:00:00+01:00' }],
    });
    expect(clocks['resolution']?.dueAt).toBe('2026-01-07T19:00:00+01:00');
  });

  it('ignores a pause that ended before the clock started or began after its deadline', () => {
    const { plan, ...clocks } = planInZone(policy, {
      kind: 'complaint',
      channel: 'email',
      receivedAt: received,
      pauses: [
        { from: '2026-01-04T10:00:00+01:00', to: '2026-01-05T09:00:00+01:00' },
        { from: '2026-01-05T15:00:00+01:00', to: '2026-01-06T15:00:00+01:00' },
      ],
    });
    expect(clocks['first_reply']?.dueAt).toBe('2026-01-05T14:00:00+01:00');
    expect(clockOf(plan, 'first_reply').explanation).toMatch(
      /starts after Mon 5 Jan 2026 14:00 and does not move it/,
    );
  });

  it('leaves the deadline unknown during an ongoing pause and says how much time is left', () => {
    const { plan, ...clocks } = planInZone(policy, {
      kind: 'complaint',
      channel: 'email',
      receivedAt: received,
      pauses: [{ from: '2026-01-05T12:30:00+01:00' }],
    });
    expect(clocks['first_reply']).toMatchObject({ status: 'paused', dueAt: null, warnAt: null });
    expect(clockOf(plan, 'first_reply').remainingMs).toBe(90 * 60_000);
    expect(clockOf(plan, 'resolution').remainingMs).toBe(45.5 * 3_600_000);
  });

  it('moves a warning that comes after the pause by the same rule', () => {
    const clocks = planInZone(policy, {
      kind: 'complaint',
      channel: 'email',
      receivedAt: received,
      pauses: [{ from: '2026-01-05T10:30:00+01:00', to: '2026-01-05T11:30:00+01:00' }],
    });
    expect(clocks['first_reply']).toMatchObject({
      dueAt: '2026-01-05T15:00:00+01:00',
      warnAt: '2026-01-05T14:00:00+01:00',
    });
  });

  it('plans clocks of a few seconds, as runtime test policies use', () => {
    const quick = policyWith({
      clocks: [
        {
          id: 'acknowledgement',
          startsAt: 'receipt',
          target: { amount: 5, unit: 'seconds' },
          stopsOn: ['acknowledged'],
        },
      ],
    });
    const json = clockPlanToJson(
      planClocks(quick, { kind: 'complaint', channel: 'email', receivedAt: '2026-01-05T10:00:00Z' }),
    );
    expect(json.clocks[0]).toMatchObject({
      metric: 'acknowledgement',
      dueAt: '2026-01-05T11:00:05.000+01:00',
      warnAt: '2026-01-05T11:00:03.750+01:00',
    });
  });
});
