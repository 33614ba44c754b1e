import { RpcResult } from '@complaints/contracts';
import { DomainError } from '@complaints/domain';
import { Logger } from 'pino';
import { z } from 'zod';

/**
 * The shape of every request-reply handler: parse the request, run one use case, and turn
 * domain errors into a problem value. Anything else is logged and reported as unavailable,
 * so internals never leak to a caller.
 */
export async function answerRequest<S extends z.ZodType, T>(
  schema: S,
  payload: unknown,
  work: (request: z.infer<S>) => Promise<T>,
  logger: Logger,
): Promise<RpcResult<T>> {
  const parsed = schema.safeParse(payload);
  if (!parsed.success) {
    return {
      ok: false,
      problem: {
        code: 'invalid',
        detail: 'the request is malformed',
        errors: parsed.error.issues.map((issue) => ({ field: issue.path.join('.'), message: issue.message })),
      },
    };
  }
  try {
    return { ok: true, value: await work(parsed.data) };
  } catch (error) {
    if (error instanceof DomainError) {
      return { ok: false, problem: { code: error.code, detail: error.message, errors: [...error.fieldErrors] } };
    }
    logger.error({ err: error }, 'request failed');
    return { ok: false, problem: { code: 'unavailable', detail: 'the service could not complete the request', errors: [] } };
  }
}
