import { versionInForce } from './version-in-force';

describe(versionInForce.name, () => {
  const versions = [
    { version: 1, effectiveFrom: '2026-01-01T00:00:00Z' },
    { version: 3, effectiveFrom: '2026-03-01T00:00:00Z' },
    { version: 2, effectiveFrom: '2026-03-01T00:00:00Z' },
    { version: 4, effectiveFrom: '2027-01-01T00:00:00Z' },
  ];

  it('picks the latest effective-from not after the instant', () => {
    expect(versionInForce(versions, new Date('2026-02-01T00:00:00Z'))?.version).toBe(1);
    expect(versionInForce(versions, new Date('2027-06-01T00:00:00Z'))?.version).toBe(4);
  });

  it('prefers the higher version when two take effect at the same instant', () => {
    expect(versionInForce(versions, new Date('2026-03-01T00:00:00Z'))?.version).toBe(3);
  });

  it('finds nothing before the first version takes effect', () => {
    expect(versionInForce(versions, new Date('2025-12-31T00:00:00Z'))).toBeUndefined();
  });
});
