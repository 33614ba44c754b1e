import { planInZone } from '../../test/plan-helpers';
import { InvalidClockFactsError } from '../policy-errors';
import { builtInPolicy } from '../seeds/built-in-policies';
import { planClocks } from './plan-clocks';

describe(`${planClocks.name} with the regulatory profiles`, () => {
  describe('fca-disp', () => {
    const fca = builtInPolicy('fca-disp');
    const facts = { kind: 'complaint', channel: 'email', receivedAt: '2026-08-27T11:00:00+01:00' } as const;

    it('gives a final response within 8 weeks and a summary resolution within 3 business days', () => {
      const clocks = planInZone(fca, facts);
      expect(clocks['resolution']?.dueAt).toBe('2026-10-22T11:00:00+01:00');
      // Fri 28 Aug, (Mon 31 Aug is the summer bank holiday), Tue 1 Sep, Wed 2 Sep.
      expect(clocks['first_reply']?.dueAt).toBe('2026-09-02T17:00:00+01:00');
    });

    it('gives payment services 15 business days instead', () => {
      const clocks = planInZone(fca, { ...facts, category: 'payment_services' });
      expect(clocks['resolution']?.dueAt).toBe('2026-09-18T17:00:00+01:00');
    });

    it('lets a holding reply extend payment services to at most 35 business days', () => {
      const extended = planInZone(fca, {
        ...facts,
        category: 'payment_services',
        expectedDate: '2026-10-15',
      });
      expect(extended['resolution']?.dueAt).toBe('2026-10-15T17:00:00+01:00');
      expect(() =>
        planClocks(fca, { ...facts, category: 'payment_services', expectedDate: '2026-10-19' }),
      ).toThrow(/expectedDate: is after the latest date the policy allows for resolution: 35 business days/);
    });

    it('refuses an expected date where the policy allows none', () => {
      expect(() => planClocks(fca, { ...facts, expectedDate: '2026-10-15' })).toThrow(InvalidClockFactsError);
    });
  });

  describe('cfpb', () => {
    it('responds within 15 days and finally within 60 days, in calendar days', () => {
      const clocks = planInZone(builtInPolicy('cfpb'), {
        kind: 'complaint',
        channel: 'web',
        receivedAt: '2026-10-26T14:00:00-04:00',
      });
      expect(clocks['first_reply']?.dueAt).toBe('2026-11-10T14:00:00-05:00');
      expect(clocks['resolution']?.dueAt).toBe('2026-12-25T14:00:00-05:00');
    });
  });
});
