import { Channel, CloseReason, ComplaintKind, ComplaintStatus } from '@complaints/domain';
import { EntitySchema } from '@mikro-orm/postgresql';

/**
 * A complaint as intake stores it. Personal data and free text (customer contact, subject,
 * description, third party's and seller's names) exist only as one encrypted blob.
 */
export interface ComplaintRecord {
  id: string;
  reference: string;
  policyId: string;
  policyVersion: number;
  kind: ComplaintKind;
  channel: Channel;
  status: ComplaintStatus;
  receivedAt: Date;
  firstContactAt: Date | null;
  submittedBy: string;
  acknowledged: boolean;
  acknowledgedAt: Date | null;
  upgradedAt: Date | null;
  expectedResolutionAt: Date | null;
  resolvedAt: Date | null;
  closedAt: Date | null;
  closeReason: CloseReason | null;
  updatedAt: Date;
  escalationLevel: number;
  disputeTier: string | null;
  thirdPartyRelationship: string | null;
  authorizationVerifiedAt: Date | null;
  sellerId: string | null;
  /** Null only for complaints stored before contact data was taken. */
  contactKeyId: string | null;
  contactCiphertext: Buffer | null;
  breached: boolean;
}

const instant = { type: 'Date', columnType: 'timestamptz' } as const;
const optionalInstant = { ...instant, nullable: true } as const;

export const ComplaintSchema = new EntitySchema<ComplaintRecord>({
  name: 'ComplaintRecord',
  tableName: 'complaints',
  properties: {
    id: { type: 'uuid', primary: true },
    reference: { type: 'text' },
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
    breached: { type: 'boolean' },
  },
});
