import { CHANNELS, COMPLAINT_KINDS, COMPLAINT_STATUSES } from '@complaints/domain';
import { z } from 'zod';
import { defineEvent } from '../event-contract';
import { complaintReferenceSchema, isoInstantSchema, policyIdSchema, policyVersionSchema } from '../primitives';
import { STREAMS } from '../streams';

/** A complaint (or inquiry) entered the system. Carries no personal data. */
export const ComplaintReceivedV1 = defineEvent({
  type: 'complaint.received',
  version: 1,
  stream: STREAMS.complaints,
  data: z.strictObject({
    policyId: policyIdSchema,
    policyVersion: policyVersionSchema,
    reference: complaintReferenceSchema,
    kind: z.enum(COMPLAINT_KINDS),
    channel: z.enum(CHANNELS),
    status: z.enum(COMPLAINT_STATUSES),
    receivedAt: isoInstantSchema,
    /** imolocale's clocks count from first contact, which can precede receipt. */
    firstContactAt: isoInstantSchema.nullable(),
    /** Whether a third party complains for the customer; who they are stays in intake. */
    thirdParty: z.boolean(),
    sellerId: z.string().min(1).max(100).nullable(),
  }),
});
