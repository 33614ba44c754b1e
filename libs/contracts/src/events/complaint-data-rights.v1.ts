import { z } from 'zod';
import { defineEvent } from '../event-contract';
import { complaintReferenceSchema, isoInstantSchema, policyIdSchema, policyVersionSchema } from '../primitives';
import { STREAMS } from '../streams';

/*
 * What happened to a complaint's personal data, for the register and for the services that
 * hold a copy of some of it (queued messages, survey comments). Like every event they carry
 * no personal data: the register records that an export or an erasure happened, not what.
 */

const complaintFacts = { policyId: policyIdSchema, policyVersion: policyVersionSchema, reference: complaintReferenceSchema };

/** The complaint's personal data was handed to its organisation's admin for a data-subject access request. */
export const ComplaintPersonalDataExportedV1 = defineEvent({
  type: 'complaint.personal-data-exported',
  version: 1,
  stream: STREAMS.complaints,
  data: z.strictObject({ ...complaintFacts, exportedAt: isoInstantSchema }),
});

/**
 * The complaint's personal data was erased: its data keys are destroyed, so its contact data
 * and the notes agents typed are unreadable wherever they lie. Every service holding a copy
 * of any of it erases that copy on this event.
 */
export const ComplaintPersonalDataErasedV1 = defineEvent({
  type: 'complaint.personal-data-erased',
  version: 1,
  stream: STREAMS.complaints,
  data: z.strictObject({
    ...complaintFacts,
    /** `request`: an admin acted on the customer's request; `retention`: the policy's retention after closure ended. */
    cause: z.enum(['request', 'retention']),
    erasedAt: isoInstantSchema,
  }),
});

/** A legal hold was placed on the complaint: nothing erases its personal data or purges its register payloads until it is released. */
export const ComplaintLegalHoldPlacedV1 = defineEvent({
  type: 'complaint.legal-hold-placed',
  version: 1,
  stream: STREAMS.complaints,
  data: z.strictObject({ ...complaintFacts, placedAt: isoInstantSchema }),
});

export const ComplaintLegalHoldReleasedV1 = defineEvent({
  type: 'complaint.legal-hold-released',
  version: 1,
  stream: STREAMS.complaints,
  data: z.strictObject({ ...complaintFacts, releasedAt: isoInstantSchema }),
});

export const COMPLAINT_DATA_RIGHTS_EVENTS = [
  ComplaintPersonalDataExportedV1,
  ComplaintPersonalDataErasedV1,
  ComplaintLegalHoldPlacedV1,
  ComplaintLegalHoldReleasedV1,
] as const;
