import { WhatIfRequest, isoInstantSchema, policyIdSchema } from '@complaints/contracts';
import { clockFactsSchema, policyDocumentSchema } from '@complaints/policy';
import { z } from 'zod';
import { parseRequest } from '../problems/parse-request';

/** `POST /v1/policies/:id/simulate`: a complaint's facts, and optionally which version (else the one in force at receipt). */
export const simulatePublishedBodySchema = clockFactsSchema.extend({
  version: z.number().int().positive().optional(),
});

/** `POST /v1/policies/simulate`: a whole draft document plus the facts; nothing is stored. */
export const simulateDraftBodySchema = clockFactsSchema.extend({ policy: policyDocumentSchema });

/** The span whose business time is measured; a `to` before `from` is a span of no time, not an error. */
const businessSpanSchema = z.strictObject({ from: isoInstantSchema, to: isoInstantSchema });

/** `POST /v1/policies/:id/business-time`: optionally which version (else the one in force at `from`). */
export const businessTimePublishedBodySchema = businessSpanSchema.extend({
  version: z.number().int().positive().optional(),
});

/** `POST /v1/policies/business-time`: a whole draft document plus the span; nothing is stored. */
export const businessTimeDraftBodySchema = businessSpanSchema.extend({ policy: policyDocumentSchema });

export const policyVersionQuerySchema = z.strictObject({
  version: z.coerce
    .number({ error: 'must be a version number' })
    .int('must be a version number')
    .positive('must be a version number')
    .optional(),
});

export const policyIdParamSchema = z.strictObject({ id: policyIdSchema });

/** `{id, version}`: a published version to replay under, rather than a draft document. */
const policyReferenceSchema = z.strictObject({ id: policyIdSchema, version: z.number().int().positive() });

const whatIfSpanSchema = z.strictObject({
  from: isoInstantSchema,
  to: isoInstantSchema,
  cursor: z.string().min(1).max(200).optional(),
  /** sla judges the upper bound, so it is a 422 naming the field like the window's. */
  limit: z.number().int().positive().optional(),
});

/** `POST /v1/policies/what-if`, as the OpenAPI document describes it. */
export const whatIfBodySchema = whatIfSpanSchema.extend({
  policy: z.union([policyReferenceSchema, policyDocumentSchema]),
});

const isPolicyReference = (policy: unknown): boolean =>
  typeof policy === 'object' &&
  policy !== null &&
  Object.keys(policy).every((key) => key === 'id' || key === 'version');

/**
 * The what-if body, checked against the one form its `policy` takes (`{id, version}` or a
 * whole document), so a draft's problems name the draft's own fields rather than a union's.
 */
export function parseWhatIfBody(body: unknown): Omit<WhatIfRequest, 'principal'> {
  const policy =
    typeof body === 'object' && body !== null ? (body as { policy?: unknown }).policy : undefined;
  if (isPolicyReference(policy)) {
    const { policy: reference, ...span } = parseRequest(
      whatIfSpanSchema.extend({ policy: policyReferenceSchema }),
      body,
    );
    return { subject: { policyId: reference.id, version: reference.version }, ...span };
  }
  const span = parseRequest(whatIfSpanSchema.extend({ policy: policyDocumentSchema }), body);
  // The draft as the client wrote it (valid, hence an object): sla checks it again and applies the defaults.
  return {
    subject: { policy: policy as Record<string, unknown> },
    from: span.from,
    to: span.to,
    cursor: span.cursor,
    limit: span.limit,
  };
}
