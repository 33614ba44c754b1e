import { ComplaintView } from '@complaints/contracts';
import { ComplaintRecord } from './complaint.entity';

export function toComplaintView(record: ComplaintRecord): ComplaintView {
  return {
    id: record.id,
    policyId: record.policyId,
    kind: record.kind,
    channel: record.channel,
    status: record.status,
    receivedAt: record.receivedAt.toISOString(),
    firstContactAt: record.firstContactAt?.toISOString() ?? null,
  };
}
