import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Inject } from '@nestjs/common';
import { SERVICE_LOGGER } from '@complaints/runtime';
import type { Request, Response } from 'express';
import { Logger } from 'pino';
import { requestIdOf } from '../http/request-id';
import { ProblemBody, problemBody, sendProblem } from './problem-body';
import { ProblemError } from './problem-error';

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
    if (problem.status >= 500) this.logger.error({ err: exception, reqId: problem.requestId }, 'request failed');
    sendProblem(response, problem, exception instanceof ProblemError ? exception.headers : {});
  }

  private toProblem(exception: unknown, request: Request): ProblemBody {
    if (exception instanceof ProblemError) return problemBody(exception, request);
    const instance = request.originalUrl;
    const requestId = requestIdOf(request);
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      return { type: 'about:blank', title: exception.name.replace(/Exception$/, ''), status, detail: exception.message, instance, requestId };
    }
    return { type: 'about:blank', title: 'Internal Server Error', status: 500, detail: 'an unexpected error occurred', instance, requestId };
  }
}
