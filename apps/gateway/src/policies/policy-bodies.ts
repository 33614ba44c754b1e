import { isoInstantSchema, policyIdSchema } from '@complaints/contracts';
import { clockFactsSchema, policyDocumentSchema } from '@complaints/policy';
import { z } from 'zod';

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
