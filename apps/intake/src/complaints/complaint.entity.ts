import { ComplaintKind, ComplaintStatus, Channel } from '@complaints/domain';
import { EntitySchema } from '@mikro-orm/postgresql';

/** A complaint as intake stores it. Contact data and free text arrive with the gateway/intake issue, encrypted. */
export interface ComplaintRecord {
  id: string;
  policyId: string;
  kind: ComplaintKind;
  channel: Channel;
  status: ComplaintStatus;
  receivedAt: Date;
  firstContactAt: Date | null;
  submittedBy: string;
}

export const ComplaintSchema = new EntitySchema<ComplaintRecord>({
  name: 'ComplaintRecord',
  tableName: 'complaints',
  properties: {
    id: { type: 'uuid', primary: true },
    policyId: { type: 'text' },
    kind: { type: 'text' },
    channel: { type: 'text' },
    status: { type: 'text' },
    receivedAt: { type: 'Date', columnType: 'timestamptz' },
    firstContactAt: { type: 'Date', columnType: 'timestamptz', nullable: true },
    submittedBy: { type: 'text' },
  },
});
