import { auditEntryFilterSchema, registerCursorSchema } from '@complaints/contracts';
import { z } from 'zod';

/** A register position or size in a query string: a whole number from 0. */
const position = (what: string) =>
  z.coerce.number({ error: `must be ${what}` }).int(`must be ${what}`).min(0, `must be ${what}`).max(Number.MAX_SAFE_INTEGER, `must be ${what}`);

/** `GET /v1/audit/entries`: the register's filters, a cursor from the previous page, a page size. */
export const auditEntriesQuerySchema = auditEntryFilterSchema.extend({
  cursor: registerCursorSchema.optional(),
  limit: z.coerce.number({ error: 'must be a number' }).int('must be a whole number').min(1).max(500).default(100),
});

export const auditCheckpointsQuerySchema = z.strictObject({
  cursor: registerCursorSchema.optional(),
  limit: z.coerce.number({ error: 'must be a number' }).int('must be a whole number').min(1).max(500).default(100),
});

export const inclusionProofQuerySchema = z.strictObject({
  index: position('the seq of an entry'),
  treeSize: position('a tree size').pipe(z.number().min(1, 'must be a tree size of at least 1')).optional(),
});

export const consistencyProofQuerySchema = z.strictObject({
  from: position('a tree size'),
  to: position('a tree size').optional(),
});

export const verifyQuerySchema = z.strictObject({
  from: position('a seq').optional(),
  to: position('a seq').optional(),
});

/** `GET /v1/audit/export`: seqs [from, to), the whole register up to the latest checkpoint by default. */
export const auditExportQuerySchema = z
  .strictObject({
    from: position('a seq').optional(),
    to: position('a seq').optional(),
  })
  .refine(({ from, to }) => to === undefined || to > (from ?? 0), { path: ['to'], message: 'must be greater than from' });
