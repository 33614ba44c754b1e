import { builtInPolicy } from '../seeds/built-in-policies';
import {
  DEFAULT_PERSONAL_DATA_RETENTION,
  latestClosureRetentionMayHaveEnded,
  personalDataRetention,
  personalDataRetentionEndsAt,
} from './personal-data-retention';

describe('personal data retention', () => {
  it("keeps Modmount's records seven years after closure, as its policy says", () => {
    const modmount = builtInPolicy('modmount');
    expect(personalDataRetention(modmount)).toEqual({ retention: { amount: 7, unit: 'years' }, defaulted: false });
    expect(personalDataRetentionEndsAt(modmount, new Date('2026-03-02T10:00:00Z')).toISOString()).toBe('2033-03-02T10:00:00.000Z');
  });

  it('uses the documented default for a policy that sets none', () => {
    expect(personalDataRetention(builtInPolicy('mimo'))).toEqual({ retention: DEFAULT_PERSONAL_DATA_RETENTION, defaulted: true });
  });

  it('counts years in the policy zone, so a leap day ends on the last day of February', () => {
    const modmount = builtInPolicy('modmount');
    // 29 February 2028, 10:00 in Paris.
    expect(personalDataRetentionEndsAt(modmount, new Date('2028-02-29T09:00:00Z')).toISOString()).toBe('2035-02-28T09:00:00.000Z');
  });

  it('counts seconds as elapsed time, for a runtime policy tried out', () => {
    const policy = { ...builtInPolicy('mimo'), retention: { minimum: { amount: 30, unit: 'seconds' as const } } };
    expect(personalDataRetentionEndsAt(policy, new Date('2026-03-29T00:59:50Z')).toISOString()).toBe('2026-03-29T01:00:20.000Z');
  });
});

describe('latestClosureRetentionMayHaveEnded', () => {
  it('never excludes a complaint whose retention has ended, leap days included', () => {
    const modmount = builtInPolicy('modmount');
    for (const closed of ['2028-02-29T09:00:00Z', '2028-03-31T08:00:00Z', '2026-10-25T00:30:00Z']) {
      const endsAt = personalDataRetentionEndsAt(modmount, new Date(closed));
      expect(latestClosureRetentionMayHaveEnded(modmount, endsAt).getTime()).toBeGreaterThanOrEqual(new Date(closed).getTime());
    }
  });
});
