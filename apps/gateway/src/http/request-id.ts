import { getRPCMetadata } from '@opentelemetry/core';
import { Span, context, trace } from '@opentelemetry/api';
import type { NextFunction, Request, Response } from 'express';
import type { IncomingMessage } from 'node:http';
import { v7 as uuidv7 } from 'uuid';

export const REQUEST_ID_HEADER = 'X-Request-Id';
export const REQUEST_ID_SPAN_ATTRIBUTE = 'http.request_id';

/** What a caller may send as its own request id: short, and safe in headers and log lines. */
const ACCEPTED_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

type RequestWithId = IncomingMessage & { id?: unknown };

/**
 * Gives every request one id: the caller's `X-Request-Id` when it is acceptable, else a new
 * UUIDv7. It is echoed in the response, put on the request's span, and kept on `request.id`,
 * where pino-http finds it (it never replaces an id already there) for the request's log
 * lines and the problem responses read it.
 */
export function assignRequestId(request: Request, response: Response, next: NextFunction): void {
  const offered = request.headers['x-request-id'];
  const id = typeof offered === 'string' && ACCEPTED_REQUEST_ID.test(offered) ? offered : uuidv7();
  (request as RequestWithId).id = id;
  response.setHeader(REQUEST_ID_HEADER, id);
  httpServerSpan()?.setAttribute(REQUEST_ID_SPAN_ATTRIBUTE, id);
  next();
}

export function requestIdOf(request: IncomingMessage): string {
  const id = (request as RequestWithId).id;
  return typeof id === 'string' ? id : '';
}

/**
 * Inside express middleware the active span is the instrumentation's span for that middleware;
 * the HTTP server span (the one people search by request) is kept in the RPC metadata.
 */
function httpServerSpan(): Span | undefined {
  return getRPCMetadata(context.active())?.span ?? trace.getActiveSpan();
}
