import { MikroORM } from '@mikro-orm/postgresql';
import { v7 as uuidv7 } from 'uuid';
import { Complaint, newComplaint } from '../src/complaints/complaint';
import { SqlComplaintRepository } from '../src/complaints/sql-complaint.repository';

/**
 * Stores a complaint as intake's submission would have left it, then acknowledged and being
 * worked, without its events: for tests of what intake does when other services' events come.
 */
export async function storeComplaint(orm: MikroORM, overrides: Partial<Complaint> = {}): Promise<Complaint> {
  const id = uuidv7();
  const receivedAt = new Date('2026-03-02T09:00:00Z');
  const policyId = overrides.policyId ?? 'mimo';
  const { complaint: submitted } = newComplaint({
    id,
    reference: `${policyId.toUpperCase()}-2026-${id.replace(/\D/g, '').slice(-6)}`,
    policyId,
    policyVersion: 1,
    kind: 'complaint',
    channel: 'email',
    status: 'received',
    receivedAt,
    firstContactAt: null,
    submittedBy: 'submitter-key',
    thirdPartyRelationship: null,
    sellerId: null,
    contactKeyId: null,
    contactCiphertext: null,
  });
  const complaint: Complaint = { ...submitted, status: 'in_progress', acknowledged: true, acknowledgedAt: receivedAt, ...overrides };
  await orm.em.fork().transactional((tx) => new SqlComplaintRepository().insert(tx, complaint));
  return complaint;
}
