import { policyIdSchema } from '@complaints/contracts';
import { clockFactsSchema, policyDocumentSchema } from '@complaints/policy';
import { z } from 'zod';

/** `POST /v1/policies/:id/simulate`: a complaint's facts, and optionally which version (else the one in force at receipt). */
export const simulatePublishedBodySchema = clockFactsSchema.extend({
  version: z.number().int().positive().optional(),
});

/** `POST /v1/policies/simulate`: a whole draft document plus the facts; nothing is stored. */
export const simulateDraftBodySchema = clockFactsSchema.extend({ policy: policyDocumentSchema });

export const policyVersionQuerySchema = z.strictObject({
  version: z.coerce
    .number({ error: 'must be a version number' })
    .int('must be a version number')
    .positive('must be a version number')
    .optional(),
});

export const policyIdParamSchema = z.strictObject({ id: policyIdSchema });
