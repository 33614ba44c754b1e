import { clockOf, planInZone } from '../../test/plan-helpers';
import { policyWith } from '../../test/policy-fixtures';
import { builtInPolicy } from '../seeds/built-in-policies';
import { planClocks } from './plan-clocks';

describe(`${planClocks.name} with a recurring clock (restartsOn)`, () => {
  describe("imolocale's regular_update: 24 hours of elapsed time, restarted by each update", () => {
    const imolocale = builtInPolicy('imolocale');
    // Monday 2 November 2026, Europe/Paris on winter time (+01:00).
    const facts = {
      kind: 'complaint',
      channel: 'email',
      receivedAt: '2026-11-02T10:00:00+01:00',
      firstContactAt: '2026-11-02T10:00:00+01:00',
    } as const;
    const update = (at: string) => ({ event: 'update_sent', at }) as const;

    it('runs the first span from first contact until an update is sent', () => {
      const { plan, ...clocks } = planInZone(imolocale, facts);
      expect(clocks['regular_update']).toMatchObject({
        startedAt: '2026-11-02T10:00:00+01:00',
        dueAt: '2026-11-03T10:00:00+01:00',
      });
      expect(clockOf(plan, 'regular_update').span).toBe(1);
      expect(clockOf(plan, 'regular_update').steps).not.toContainEqual(expect.stringMatching(/^span/));
    });

    it('starts a new span at an update, due one target later, and says the span before was kept', () => {
      const { plan, ...clocks } = planInZone(imolocale, {
        ...facts,
        events: [update('2026-11-03T09:00:00+01:00')],
      });
      expect(clocks['regular_update']).toEqual({
        status: 'running',
        startedAt: '2026-11-03T09:00:00+01:00',
        dueAt: '2026-11-04T09:00:00+01:00',
        warnAt: '2026-11-04T03:00:00+01:00',
      });
      const regular = clockOf(plan, 'regular_update');
      expect(regular.span).toBe(2);
      expect(regular.steps).toEqual([
        'regular_update: within 24 hours of first contact (a default: the policy text is silent)',
        'span 2: restarted by update_sent at Tue 3 Nov 2026 09:00 (+01:00); span 1 (due Tue 3 Nov 2026 10:00 (+01:00)) was kept',
        '24 hours of elapsed time from Tue 3 Nov 2026 09:00 (+01:00) Europe/Paris → Wed 4 Nov 2026 09:00 (+01:00)',
        'calendar: Europe/Paris, Mon–Sun 00:00–24:00, no public holidays',
        'repeats: a new span of 24 hours starts on update_sent',
        'warning at 75% of the span (18 h elapsed of 24 h) → Wed 4 Nov 2026 03:00 (+01:00)',
      ]);
      // The other promises count from first contact whatever the updates.
      expect(clocks['escalation_level_2']?.dueAt).toBe('2026-11-03T10:00:00+01:00');
      expect(clockOf(plan, 'escalation_level_2').span).toBe(1);
    });

    it('counts spans from the latest update, in whatever order the events are listed, and names a lapsed span', () => {
      const { plan, ...clocks } = planInZone(imolocale, {
        ...facts,
        events: [
          update('2026-11-04T12:00:00+01:00'),
          { event: 'responded', at: '2026-11-02T11:00:00+01:00' },
          update('2026-11-03T09:00:00+01:00'),
        ],
      });
      expect(clocks['regular_update']).toMatchObject({
        startedAt: '2026-11-04T12:00:00+01:00',
        dueAt: '2026-11-05T12:00:00+01:00',
      });
      const regular = clockOf(plan, 'regular_update');
      expect(regular.span).toBe(3);
      expect(regular.steps[1]).toBe(
        'span 3: restarted by update_sent at Wed 4 Nov 2026 12:00 (+01:00); ' +
          'span 2 was breached at its deadline Wed 4 Nov 2026 09:00 (+01:00)',
      );
    });

    it('keeps 24 elapsed hours across the October DST change', () => {
      const clocks = planInZone(imolocale, {
        kind: 'complaint',
        channel: 'email',
        receivedAt: '2026-10-24T10:00:00+02:00',
        events: [update('2026-10-24T20:00:00+02:00')],
      });
      expect(clocks['regular_update']?.dueAt).toBe('2026-10-25T19:00:00+01:00');
    });

    it('is not restarted by an update after the complaint was resolved: the clock stopped there', () => {
      const { plan, ...clocks } = planInZone(imolocale, {
        ...facts,
        events: [
          update('2026-11-02T18:00:00+01:00'),
          { event: 'resolved', at: '2026-11-03T08:00:00+01:00' },
          update('2026-11-03T09:00:00+01:00'),
        ],
      });
      expect(clocks['regular_update']).toMatchObject({
        startedAt: '2026-11-02T18:00:00+01:00',
        dueAt: '2026-11-03T18:00:00+01:00',
      });
      expect(clockOf(plan, 'regular_update').span).toBe(2);
    });

    it('starts no empty span for an update at the instant its span began', () => {
      const { plan } = planInZone(imolocale, { ...facts, events: [update('2026-11-02T10:00:00+01:00')] });
      expect(clockOf(plan, 'regular_update')).toMatchObject({
        span: 1,
        startedAt: new Date('2026-11-02T10:00:00+01:00'),
      });
    });
  });

  describe('a recurring business-hours clock that pauses', () => {
    // The fixture's calendar: Europe/Paris, Mon–Fri 09:00–17:00.
    const policy = policyWith({
      clocks: [
        {
          id: 'regular_update',
          startsAt: 'receipt',
          target: { amount: 4, unit: 'business_hours' },
          stopsOn: ['resolved'],
          restartsOn: ['update_sent'],
          pausesWhile: ['awaiting_customer'],
        },
      ],
    });
    const facts = { kind: 'complaint', channel: 'email', receivedAt: '2026-01-05T10:00:00+01:00' } as const;

    it('applies to each span only the pauses inside it', () => {
      const { plan, ...clocks } = planInZone(policy, {
        ...facts,
        pauses: [
          { from: '2026-01-05T11:00:00+01:00', to: '2026-01-05T12:00:00+01:00' },
          { from: '2026-01-05T15:00:00+01:00', to: '2026-01-06T10:00:00+01:00' },
        ],
        events: [{ event: 'update_sent', at: '2026-01-05T13:00:00+01:00' }],
      });
      // Span 1 was due 14:00 + the hour paused = 15:00. Span 2 runs 13:00–15:00, is paused
      // 3 open hours (Mon 15:00–17:00, Tue 09:00–10:00), and runs its last 2 h to Tue 12:00.
      expect(clocks['regular_update']).toMatchObject({
        startedAt: '2026-01-05T13:00:00+01:00',
        dueAt: '2026-01-06T12:00:00+01:00',
      });
      expect(clockOf(plan, 'regular_update').steps[1]).toBe(
        'span 2: restarted by update_sent at Mon 5 Jan 2026 13:00 (+01:00); span 1 (due Mon 5 Jan 2026 15:00 (+01:00)) was kept',
      );
    });

    it('starts a new span paused when the pause is still going on, and judges the span before by the pause until the update', () => {
      const { plan, ...clocks } = planInZone(policy, {
        ...facts,
        pauses: [{ from: '2026-01-05T12:00:00+01:00' }],
        events: [{ event: 'update_sent', at: '2026-01-05T14:00:00+01:00' }],
      });
      expect(clocks['regular_update']).toMatchObject({
        status: 'paused',
        startedAt: '2026-01-05T14:00:00+01:00',
        dueAt: null,
      });
      expect(clockOf(plan, 'regular_update')).toMatchObject({ span: 2, remainingMs: 4 * 3_600_000 });
      expect(clockOf(plan, 'regular_update').steps[1]).toBe(
        'span 2: restarted by update_sent at Mon 5 Jan 2026 14:00 (+01:00); span 1 (due Mon 5 Jan 2026 16:00 (+01:00)) was kept',
      );
    });
  });

  it('has no span while the clock waits for its start', () => {
    const policy = policyWith({
      clocks: [
        {
          id: 'survey_window',
          startsAt: 'survey_sent',
          target: { amount: 7, unit: 'days' },
          stopsOn: ['survey_answered'],
          restartsOn: ['update_sent'],
        },
      ],
    });
    const { plan } = planInZone(policy, {
      kind: 'complaint',
      channel: 'email',
      receivedAt: '2026-01-05T10:00:00+01:00',
      events: [{ event: 'update_sent', at: '2026-01-05T13:00:00+01:00' }],
    });
    expect(clockOf(plan, 'survey_window')).toMatchObject({ status: 'pending', span: null, startedAt: null });
  });
});
