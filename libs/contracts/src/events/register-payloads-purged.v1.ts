import { z } from 'zod';
import { defineEvent } from '../event-contract';
import { complaintReferenceSchema, isoInstantSchema, policyIdSchema, policyVersionSchema } from '../primitives';
import { STREAMS } from '../streams';

/**
 * The register deleted the payloads of a complaint's entries once its policy's retention
 * after closure ended. The entries, their hashes and the tree stay, so the register still
 * verifies; this event becomes an entry of its own, so the purge is on record.
 */
export const RegisterPayloadsPurgedV1 = defineEvent({
  type: 'register.payloads-purged',
  version: 1,
  stream: STREAMS.audit,
  data: z.strictObject({
    policyId: policyIdSchema,
    policyVersion: policyVersionSchema,
    reference: complaintReferenceSchema.nullable(),
    /** How many payloads were deleted, all of the complaint's entries up to `throughSeq`. */
    purged: z.number().int().min(0),
    throughSeq: z.number().int().min(0),
    closedAt: isoInstantSchema,
    retentionEndedAt: isoInstantSchema,
  }),
});
