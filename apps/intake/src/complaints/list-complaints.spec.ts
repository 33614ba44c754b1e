import { InvalidInputError } from '@complaints/domain';
import { decodeCursor, encodeCursor } from './list-complaints';

describe('list cursors', () => {
  it('round-trips the last id of a page', () => {
    const id = '0196f3c4-8a59-7b1e-9b1a-2f7c8d9e0a1b';
    expect(decodeCursor(encodeCursor(id))).toBe(id);
  });

  it.each(['nonsense', Buffer.from('v2:0196f3c4-8a59-7b1e-9b1a-2f7c8d9e0a1b').toString('base64url'), Buffer.from('v1:1 or 1=1').toString('base64url')])(
    'refuses a cursor it did not issue: %s',
    (cursor) => {
      expect(() => decodeCursor(cursor)).toThrow(InvalidInputError);
    },
  );
});
