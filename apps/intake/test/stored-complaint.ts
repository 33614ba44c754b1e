import { MikroORM } from '@mikro-orm/postgresql';
import { Complaint, newComplaint } from '../src/complaints/complaint';
import { SqlComplaintRepository } from '../src/complaints/sql-complaint.repository';
import { aSubmission } from './submissions';

/**
 * Stores a complaint as intake's submission would have left it, then acknowledged and being
 * worked, without its events: for tests of what intake does when other services' events come.
 */
export async function storeComplaint(orm: MikroORM, overrides: Partial<Complaint> = {}): Promise<Complaint> {
  const { complaint: submitted } = newComplaint(aSubmission({ policyId: overrides.policyId }));
  const complaint: Complaint = {
    ...submitted,
    status: 'in_progress',
    acknowledged: true,
    acknowledgedAt: submitted.receivedAt,
    ...overrides,
  };
  await orm.em.fork().transactional((tx) => new SqlComplaintRepository().insert(tx, complaint));
  return complaint;
}
