import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Inject } from '@nestjs/common';
import { SERVICE_LOGGER } from '@complaints/runtime';
import type { Request, Response } from 'express';
import { Logger } from 'pino';
import { ProblemError } from './problem-error';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance: string;
  errors?: readonly { field: string; message: string }[];
}

/** The RFC 9457 body of a problem the code already described. */
export function problemBody(problem: ProblemError, instance: string): ProblemBody {
  return {
    type: `/problems/${problem.slug}`,
    title: problem.title,
    status: problem.status,
    detail: problem.detail,
    instance,
    ...(problem.errors.length > 0 ? { errors: problem.errors } : {}),
  };
}

/**
 * Every error leaves the gateway as RFC 9457 problem+json. Unexpected errors are logged
 * with the request id and answered with a generic 500 that reveals nothing internal.
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  constructor(@Inject(SERVICE_LOGGER) private readonly logger: Logger) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request>();
    const response = http.getResponse<Response>();
    const problem = this.toProblem(exception, request);
    if (exception instanceof ProblemError) {
      for (const [name, value] of Object.entries(exception.headers)) response.setHeader(name, value);
    }
    if (problem.status >= 500) this.logger.error({ err: exception, reqId: (request as Request & { id?: unknown }).id }, 'request failed');
    response.status(problem.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(problem));
  }

  private toProblem(exception: unknown, request: Request): ProblemBody {
    const instance = request.originalUrl ?? request.url;
    if (exception instanceof ProblemError) return problemBody(exception, instance);
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      return { type: 'about:blank', title: exception.name.replace(/Exception$/, ''), status, detail: exception.message, instance };
    }
    return { type: 'about:blank', title: 'Internal Server Error', status: 500, detail: 'an unexpected error occurred', instance };
  }
}
