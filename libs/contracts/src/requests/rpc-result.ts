import { z } from 'zod';

/**
 * Replies over request-reply are values, never thrown exceptions: a failure travels as a
 * problem the gateway turns into RFC 9457 problem+json.
 */
export const rpcProblemSchema = z.strictObject({
  code: z.enum(['not_found', 'forbidden', 'conflict', 'invalid', 'unavailable']),
  detail: z.string(),
  errors: z.array(z.strictObject({ field: z.string(), message: z.string() })).default([]),
});
export type RpcProblem = z.infer<typeof rpcProblemSchema>;

export type RpcResult<T> = { ok: true; value: T } | { ok: false; problem: RpcProblem };

export function rpcResultSchema<T extends z.ZodType>(value: T) {
  return z.discriminatedUnion('ok', [
    z.strictObject({ ok: z.literal(true), value }),
    z.strictObject({ ok: z.literal(false), problem: rpcProblemSchema }),
  ]);
}
