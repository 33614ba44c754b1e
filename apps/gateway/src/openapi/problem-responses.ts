import { applyDecorators } from '@nestjs/common';
import { ApiResponse, OpenAPIObject, ResponseObject } from '@nestjs/swagger';
import { PROBLEM_CONTENT_TYPE, problemBodySchema } from '../problems/problem-body';
import { operationsOf } from './operations';
import { openApiSchema } from './zod-openapi';

export type ProblemStatus = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429 | 503;

const PROBLEM_SCHEMA_NAME = 'Problem';

const retryAfter = {
  'Retry-After': { description: 'seconds to wait before retrying', schema: { type: 'integer' as const } },
};

const PROBLEMS: Record<ProblemStatus, Omit<ResponseObject, 'content'>> = {
  400: { description: 'Invalid request: malformed JSON or fields that fail validation, listed in `errors`' },
  401: { description: 'No API key, or not a valid one' },
  403: { description: "The API key's role may not do this" },
  404: { description: 'No such resource, or not one this API key may see' },
  409: { description: 'Conflicts with the current state, e.g. an illegal lifecycle transition' },
  413: { description: 'The request body is larger than 64 KiB' },
  415: { description: 'The request body is not application/json' },
  422: { description: 'Well-formed but not acceptable, e.g. an unknown policy' },
  429: { description: "This API key's rate limit is used up", headers: retryAfter },
  503: { description: 'A backend service did not answer in time', headers: retryAfter },
};

function problemResponse(status: ProblemStatus): ResponseObject {
  return {
    ...PROBLEMS[status],
    content: { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: `#/components/schemas/${PROBLEM_SCHEMA_NAME}` } } },
  };
}

/** Documents the problems particular to one route; the ones every route shares are added to the whole document. */
export const ApiProblemResponses = (...statuses: ProblemStatus[]) =>
  applyDecorators(...statuses.map((status) => ApiResponse({ status, ...problemResponse(status) })));

/** Problems the gateway's cross-cutting behaviour can answer on any API route. */
const EVERY_ROUTE: readonly ProblemStatus[] = [400, 401, 403, 429, 503];
/** The methods whose bodies the gateway reads, and so may refuse (see http/json-content-type.ts). */
const METHODS_WITH_BODY = new Set(['post', 'put', 'patch']);
const ROUTES_WITH_BODY: readonly ProblemStatus[] = [413, 415];

/** Adds the shared problem schema to the document, and the problems any API operation can answer to each one. */
export function addSharedProblems(document: OpenAPIObject): void {
  for (const { method, operation } of operationsOf(document)) {
    const statuses = [...EVERY_ROUTE, ...(METHODS_WITH_BODY.has(method) ? ROUTES_WITH_BODY : [])];
    for (const status of statuses) operation.responses[status] ??= problemResponse(status);
  }
  document.components = {
    ...document.components,
    schemas: {
      ...document.components?.schemas,
      [PROBLEM_SCHEMA_NAME]: openApiSchema(problemBodySchema, 'output'),
    },
  };
}
