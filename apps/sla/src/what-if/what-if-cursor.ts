import { InvalidInputError } from '@complaints/domain';
import { z } from 'zod';

/** Where a page stopped: the last complaint replayed, in (receipt, id) order, and the instant the replay is judged at. */
export interface WhatIfCursor {
  readonly after: { readonly receivedAt: number; readonly complaintId: string };
  readonly asOf: number;
}

const cursorSchema = z.strictObject({
  r: z.number().int(),
  c: z.uuid(),
  n: z.number().int(),
});

export function encodeCursor(cursor: WhatIfCursor): string {
  const { after, asOf } = cursor;
  return Buffer.from(JSON.stringify({ r: after.receivedAt, c: after.complaintId, n: asOf })).toString(
    'base64url',
  );
}

export function decodeCursor(text: string): WhatIfCursor {
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    decoded = undefined;
  }
  const parsed = cursorSchema.safeParse(decoded);
  if (!parsed.success) {
    throw new InvalidInputError('the cursor is not one a what-if page returned', [
      { field: 'cursor', message: 'must be the nextCursor of a previous page' },
    ]);
  }
  return { after: { receivedAt: parsed.data.r, complaintId: parsed.data.c }, asOf: parsed.data.n };
}
