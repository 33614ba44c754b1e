import { z } from 'zod';
import { defineEvent } from '../event-contract';
import { isoInstantSchema, policyIdSchema, policyVersionSchema } from '../primitives';
import { STREAMS } from '../streams';

/**
 * A policy version was published. It carries the whole document, so a service that reads
 * the stream from the start holds every version without asking anyone (ADR 0021); the
 * register records it like any other event. Policies hold no personal data.
 */
export const PolicyPublishedV1 = defineEvent({
  type: 'policy.published',
  version: 1,
  stream: STREAMS.policies,
  data: z.strictObject({
    policyId: policyIdSchema,
    policyVersion: policyVersionSchema,
    effectiveFrom: isoInstantSchema,
    name: z.string().min(1),
    /** SHA-256 of the document's canonical JSON, so the register can prove which text was in force. */
    digest: z.string().regex(/^[0-9a-f]{64}$/),
    document: z.record(z.string(), z.unknown()),
  }),
});
