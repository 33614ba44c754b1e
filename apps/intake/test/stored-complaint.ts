import { MikroORM } from '@mikro-orm/postgresql';
import { v7 as uuidv7 } from 'uuid';
import { Complaint } from '../src/complaints/complaint';
import { ComplaintSchema } from '../src/complaints/complaint.entity';

/**
 * Stores a complaint row as intake's submission would have left it, acknowledged and being
 * worked, without its events: for tests of what intake does when other services' events come.
 */
export async function storeComplaint(orm: MikroORM, overrides: Partial<Complaint> = {}): Promise<Complaint> {
  const id = uuidv7();
  const receivedAt = new Date('2026-03-02T09:00:00Z');
  const policyId = overrides.policyId ?? 'mimo';
  const record: Complaint = {
    id,
    reference: `${policyId.toUpperCase()}-2026-${id.replace(/\D/g, '').slice(-6)}`,
    policyId,
    policyVersion: 1,
    kind: 'complaint',
    channel: 'email',
    status: 'in_progress',
    receivedAt,
    firstContactAt: null,
    submittedBy: 'submitter-key',
    acknowledged: true,
    acknowledgedAt: receivedAt,
    upgradedAt: null,
    expectedResolutionAt: null,
    resolvedAt: null,
    closedAt: null,
    closeReason: null,
    updatedAt: receivedAt,
    escalationLevel: 1,
    disputeTier: null,
    thirdPartyRelationship: null,
    authorizationVerifiedAt: null,
    sellerId: null,
    contactKeyId: null,
    contactCiphertext: null,
    breached: false,
    ...overrides,
  };
  const em = orm.em.fork();
  em.create(ComplaintSchema, record);
  await em.flush();
  return record;
}
