import type { NextFunction, Request, Response } from 'express';
import { PROBLEM_CONTENT_TYPE } from './problem-details.filter';

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
  const problems: Record<string, { status: number; slug: string; title: string; detail: string }> = {
    'entity.parse.failed': { status: 400, slug: 'malformed-json', title: 'Malformed JSON', detail: 'the request body is not valid JSON' },
    'entity.too.large': {
      status: 413,
      slug: 'body-too-large',
      title: 'Request body too large',
      detail: `the request body exceeds ${error.limit ?? 'the limit of'} bytes`,
    },
    'encoding.unsupported': { status: 415, slug: 'unsupported-encoding', title: 'Unsupported encoding', detail: 'use UTF-8' },
    'charset.unsupported': { status: 415, slug: 'unsupported-charset', title: 'Unsupported charset', detail: 'use UTF-8' },
  };
  const problem = error.type ? problems[error.type] : undefined;
  if (!problem) {
    next(error);
    return;
  }
  response
    .status(problem.status)
    .type(PROBLEM_CONTENT_TYPE)
    .send(JSON.stringify({ type: `/problems/${problem.slug}`, ...problem, slug: undefined, instance: request.originalUrl }));
}
