import { InvalidInputError } from '@complaints/domain';
import { assertFirstContactBeforeReceipt } from './past-instants';

describe(assertFirstContactBeforeReceipt.name, () => {
  const receivedAt = new Date('2026-11-20T16:30:00Z');
  const refusal = (firstContactAt: string) => {
    try {
      assertFirstContactBeforeReceipt(firstContactAt, receivedAt);
      return undefined;
    } catch (error) {
      return error instanceof InvalidInputError ? error.fieldErrors : error;
    }
  };

  it('accepts a first contact before the receipt, or none', () => {
    expect(refusal('2026-11-02T10:00:00+01:00')).toBeUndefined();
    expect(refusal('2026-11-20T16:30:00Z')).toBeUndefined();
    expect(() => assertFirstContactBeforeReceipt(undefined, receivedAt)).not.toThrow();
  });

  it('refuses a first contact after the receipt, beyond clock skew', () => {
    expect(refusal('2026-11-20T16:30:30Z')).toBeUndefined();
    expect(refusal('2026-11-21T09:00:00Z')).toEqual([{ field: 'firstContactAt', message: 'must not be after the complaint was received' }]);
  });

  it('refuses a first contact more than a year before the receipt', () => {
    expect(refusal('2025-11-20T16:30:00Z')).toBeUndefined();
    expect(refusal('2024-11-20T16:30:00Z')).toEqual([
      { field: 'firstContactAt', message: 'must be within a year before the complaint was received' },
    ]);
  });
});
