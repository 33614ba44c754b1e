import { localTimeToInstant } from './local-time';

const iso = (ms: number): string => new Date(ms).toISOString();

describe(localTimeToInstant.name, () => {
  it('gives the instant of an ordinary local time', () => {
    expect(iso(localTimeToInstant('Europe/Paris', '2026-01-05', 9 * 60).millis)).toBe(
      '2026-01-05T08:00:00.000Z',
    );
  });

  it('moves a time inside the spring-forward gap forward by the length of the gap', () => {
    const result = localTimeToInstant('Europe/Paris', '2026-03-29', 2 * 60 + 30);
    expect(result.inGap).toBe(true);
    expect(iso(result.millis)).toBe('2026-03-29T01:30:00.000Z'); // 03:30 +02:00
  });

  it('reads an ambiguous fall-back time as its first occurrence', () => {
    const result = localTimeToInstant('Europe/Paris', '2026-10-25', 2 * 60 + 30);
    expect(result.inGap).toBe(false);
    expect(iso(result.millis)).toBe('2026-10-25T00:30:00.000Z'); // 02:30 +02:00, not +01:00
  });

  it('reads 24:00 as the start of the next day', () => {
    expect(iso(localTimeToInstant('Asia/Ho_Chi_Minh', '2026-12-31', 24 * 60).millis)).toBe(
      '2026-12-31T17:00:00.000Z',
    );
  });
});
