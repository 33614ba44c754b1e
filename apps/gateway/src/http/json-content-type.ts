import type { NextFunction, Request, Response } from 'express';
import { sendProblemError } from '../problems/problem-body';
import { ProblemError } from '../problems/problem-error';

/** The media types the JSON body parser reads; anything else would reach a handler as no body at all. */
export const JSON_MEDIA_TYPES = ['application/json', 'application/*+json'];

const METHODS_WITH_BODY = new Set(['POST', 'PUT', 'PATCH']);
const SURVEY_PAGES = /^\/surveys\//;

/**
 * Refuses a body the API cannot read with 415, rather than letting it arrive empty and be
 * reported as missing fields. Requests without a body (e.g. a command with no fields) pass.
 */
export function requireJsonBody(request: Request, response: Response, next: NextFunction): void {
  // The survey page's form is read (and refused, when it is not a form) by its own middleware.
  if (!METHODS_WITH_BODY.has(request.method) || !hasBody(request) || request.is(JSON_MEDIA_TYPES) || SURVEY_PAGES.test(request.path)) {
    next();
    return;
  }
  const received = request.headers['content-type'] ?? 'no Content-Type';
  sendProblemError(
    request,
    response,
    new ProblemError(
      415,
      'unsupported-media-type',
      'Unsupported media type',
      `send the body as application/json (received ${received})`,
    ),
  );
}

/** Unlike express's own test, an empty body (`Content-Length: 0`, as fetch sends for a bare POST) is no body. */
function hasBody(request: Request): boolean {
  const length = request.headers['content-length'];
  return request.headers['transfer-encoding'] !== undefined || (length !== undefined && Number(length) > 0);
}
