import type { Request, Response } from 'express';
import { z } from 'zod';
import { requestIdOf } from '../http/request-id';
import { ProblemError } from './problem-error';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** RFC 9457 problem details, plus `requestId` (an extension member) that a caller can quote to support. */
export const problemBodySchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string(),
  instance: z.string(),
  requestId: z.string(),
  errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
});
export type ProblemBody = z.infer<typeof problemBodySchema>;

/** The body of a problem the code already described. */
export function problemBody(problem: ProblemError, request: Request): ProblemBody {
  return {
    type: `/problems/${problem.slug}`,
    title: problem.title,
    status: problem.status,
    detail: problem.detail,
    instance: request.originalUrl,
    requestId: requestIdOf(request),
    ...(problem.errors.length > 0 ? { errors: [...problem.errors] } : {}),
  };
}

export function sendProblem(
  response: Response,
  body: ProblemBody,
  headers: Readonly<Record<string, string>> = {},
): void {
  for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
  response.status(body.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(body));
}

/** For middleware, which runs before NestJS and so before its exception filter. */
export function sendProblemError(request: Request, response: Response, problem: ProblemError): void {
  sendProblem(response, problemBody(problem, request), problem.headers);
}
