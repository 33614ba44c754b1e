import type { NextFunction, Request, Response } from 'express';
import { sendProblemError } from './problem-body';
import { ProblemError } from './problem-error';

interface BodyParserError {
  type?: string;
  status?: number;
  limit?: number;
}

/**
 * Express middleware errors (bad JSON, a body over the limit) happen before NestJS routing,
 * so its exception filters never see them; this turns them into problems too.
 */
export function bodyParserProblems(error: BodyParserError, request: Request, response: Response, next: NextFunction): void {
  const problems: Record<string, () => ProblemError> = {
    'entity.parse.failed': () => new ProblemError(400, 'malformed-json', 'Malformed JSON', 'the request body is not valid JSON'),
    'entity.too.large': () =>
      new ProblemError(
        413,
        'body-too-large',
        'Request body too large',
        `the request body exceeds ${error.limit ?? 'the limit of'} bytes`,
      ),
    'encoding.unsupported': () => new ProblemError(415, 'unsupported-encoding', 'Unsupported encoding', 'use UTF-8'),
    'charset.unsupported': () => new ProblemError(415, 'unsupported-charset', 'Unsupported charset', 'use UTF-8'),
  };
  const problem = error.type ? problems[error.type]?.() : undefined;
  if (!problem) {
    next(error);
    return;
  }
  sendProblemError(request, response, problem);
}
