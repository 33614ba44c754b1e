import { EntitySchema } from '@mikro-orm/postgresql';
import { Complaint } from './complaint';

const instant = { type: 'Date', columnType: 'timestamptz' } as const;
const optionalInstant = { ...instant, nullable: true } as const;

/** The complaint aggregate's mapping onto `intake.complaints`. */
export const ComplaintSchema = new EntitySchema<Complaint>({
  name: 'ComplaintRecord',
  tableName: 'complaints',
  properties: {
    id: { type: 'uuid', primary: true },
    reference: { type: 'text' },
    organisationId: { type: 'text', nullable: true },
    policyId: { type: 'text' },
    policyVersion: { type: 'integer' },
    kind: { type: 'text' },
    channel: { type: 'text' },
    status: { type: 'text' },
    receivedAt: instant,
    firstContactAt: optionalInstant,
    submittedBy: { type: 'text' },
    acknowledged: { type: 'boolean' },
    acknowledgedAt: optionalInstant,
    upgradedAt: optionalInstant,
    expectedResolutionAt: optionalInstant,
    resolvedAt: optionalInstant,
    closedAt: optionalInstant,
    closeReason: { type: 'text', nullable: true },
    updatedAt: instant,
    escalationLevel: { type: 'integer' },
    disputeTier: { type: 'text', nullable: true },
    thirdPartyRelationship: { type: 'text', nullable: true },
    authorizationVerifiedAt: optionalInstant,
    sellerId: { type: 'text', nullable: true },
    contactKeyId: { type: 'text', nullable: true },
    contactCiphertext: { type: 'blob', columnType: 'bytea', nullable: true },
    customerLookup: { type: 'blob', columnType: 'bytea', nullable: true },
    personalDataErasedAt: optionalInstant,
    legalHoldSince: optionalInstant,
    breached: { type: 'boolean' },
  },
});
