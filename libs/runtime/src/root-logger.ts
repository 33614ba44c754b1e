import { ServiceConfig } from '@complaints/config';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { Params } from 'nestjs-pino';
import pino, { Logger } from 'pino';
import { redactSecretPath } from '@complaints/telemetry';

/**
 * Paths that may hold secrets or personal data. Log lines must never carry an API key,
 * a customer's contact details or free text.
 */
const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["idempotency-key"]',
  'req.body',
  'res.body',
  '*.customer',
  '*.email',
  '*.phone',
  '*.name',
  '*.description',
];

export function createRootLogger(config: ServiceConfig): Logger {
  return pino({
    name: config.serviceName,
    level: config.logLevel,
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    base: { service: config.serviceName },
    timestamp: pino.stdTimeFunctions.isoTime,
  });
}

export function httpLoggingOptions(logger: Logger): Params {
  return {
    pinoHttp: {
      logger,
      // Reuse the caller's request id so one id follows a request across clients and services.
      genReqId: (request: IncomingMessage) => {
        const header = request.headers['x-request-id'];
        return typeof header === 'string' && /^[\w.-]{1,128}$/.test(header) ? header : randomUUID();
      },
      autoLogging: { ignore: (request: IncomingMessage) => /^\/(health|metrics)/.test(request.url ?? '') },
      serializers: {
        // A survey link's token is in its path: the log line keeps the route, never the token.
        req: (request: { id: string; method: string; url: string }) => ({ id: request.id, method: request.method, url: redactSecretPath(request.url) }),
      },
    },
  };
}
