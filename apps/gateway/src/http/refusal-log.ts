import { redactSecretPath } from '@complaints/telemetry';
import type { NextFunction, Request, Response } from 'express';
import { requestIdOf } from './request-id';

/** The slice of a pino logger this needs. */
interface RefusalLogger {
  warn(details: object, message: string): void;
}

/**
 * Writes one log line for each request answered before NestJS routing (415, 413, malformed
 * JSON, a CORS refusal): the access log (pino-http, NestJS middleware) never sees those, and
 * an SRE looking for a client's failing requests would find nothing. A request that reached
 * routing carries pino-http's `log` and is logged there, once.
 */
export function logRefusalsBeforeRouting(logger: RefusalLogger) {
  return (request: Request, response: Response, next: NextFunction): void => {
    response.on('finish', () => {
      if ('log' in request) return;
      logger.warn(
        {
          req: { id: requestIdOf(request), method: request.method, url: redactSecretPath(request.originalUrl) },
          res: { statusCode: response.statusCode },
        },
        'request refused before routing',
      );
    });
    next();
  };
}
