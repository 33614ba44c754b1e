import { ReplyValue, RequestContract, RequestData, RpcResult } from '@complaints/contracts';
import { DomainError } from '@complaints/domain';

/** Where an unexpected failure is reported: the slice of a logger it needs. */
export interface RequestFailureLogger {
  error(details: object, message: string): void;
}

/**
 * The shape of every request-reply answer: parse the request against its contract, run one
 * use case, and turn domain errors into a problem value. Anything else is logged and
 * reported as unavailable, so internals never leak to a caller.
 */
export async function answerRequest<C extends RequestContract>(
  contract: C,
  payload: unknown,
  work: (request: RequestData<C>) => Promise<ReplyValue<C>>,
  logger: RequestFailureLogger,
): Promise<RpcResult<ReplyValue<C>>> {
  const parsed = contract.request.safeParse(payload);
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
    return { ok: true, value: await work(parsed.data as RequestData<C>) };
  } catch (error) {
    if (error instanceof DomainError) {
      return { ok: false, problem: { code: error.code, detail: error.message, errors: [...error.fieldErrors] } };
    }
    logger.error({ err: error, pattern: contract.pattern }, 'request failed');
    return { ok: false, problem: { code: 'unavailable', detail: 'the service could not complete the request', errors: [] } };
  }
}
