import { CreateComplaintBody } from '@complaints/contracts';
import { v7 as uuidv7 } from 'uuid';
import { ComplaintSubmission } from '../src/complaints/complaint';

/** A customer's complaint to MiMo as the API takes it: the least a submission must say. */
export const parcelComplaint: CreateComplaintBody = {
  policyId: 'mimo',
  kind: 'complaint',
  channel: 'email',
  customer: { name: 'Ada Lovelace', email: 'ada@example.org' },
  subject: 'Parcel never arrived',
  description: 'Ordered on 2 March; no delivery yet.',
};

/** What intake decides on taking such a complaint in, received on 2 March 2026, with these facts changed. */
export function aSubmission({
  id = uuidv7(),
  policyId = 'mimo',
  ...overrides
}: Partial<ComplaintSubmission> = {}): ComplaintSubmission {
  return {
    id,
    reference: `${policyId.toUpperCase()}-2026-${id.replace(/\D/g, '').slice(-6)}`,
    // The seed policies' ids are their organisations'.
    organisationId: policyId,
    policyId,
    policyVersion: 1,
    kind: 'complaint',
    channel: 'email',
    status: 'received',
    receivedAt: new Date('2026-03-02T09:00:00Z'),
    firstContactAt: null,
    submittedBy: 'submitter-key',
    thirdPartyRelationship: null,
    sellerId: null,
    contactKeyId: null,
    contactCiphertext: null,
    customerLookup: null,
    ...overrides,
  };
}
