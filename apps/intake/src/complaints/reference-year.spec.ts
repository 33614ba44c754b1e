import { referencePrefixFor } from '../references/reference-allocator';
import { yearInZone } from './reference-year';

describe('reference parts', () => {
  it('takes the year in the policy zone, not in UTC', () => {
    const newYearInHanoi = new Date('2026-12-31T17:30:00Z');
    expect(yearInZone(newYearInHanoi, 'Asia/Ho_Chi_Minh')).toBe(2027);
    expect(yearInZone(newYearInHanoi, 'Europe/Paris')).toBe(2026);
  });

  it.each([
    ['mimo', 'MIMO'],
    ['imolocale', 'IMOLOCALE'],
    ['fca-disp', 'FCADISP'],
    ['a-very-long-policy-id', 'AVERYLONGP'],
  ])('names %s references %s', (policyId, prefix) => {
    expect(referencePrefixFor(policyId)).toBe(prefix);
  });
});
