import { EntityManager, LockMode } from '@mikro-orm/postgresql';
import { Complaint } from './complaint';
import { ComplaintSchema } from './complaint.entity';
import { ComplaintRepository } from './complaint.repository';

/**
 * A copy of the row the transaction's identity map manages: the aggregate's changes are new
 * objects, and the map's entity changes only when `save` says so.
 */
const detached = (row: Complaint | null): Complaint | undefined => (row === null ? undefined : { ...row });

/** `intake.complaints` through its entity mapping, which the read-side queries share. */
export class SqlComplaintRepository implements ComplaintRepository {
  async lockForChange(tx: EntityManager, id: string): Promise<Complaint | undefined> {
    // select … for update: every change to a complaint takes this lock first, so changes apply one after another.
    return detached(await tx.findOne(ComplaintSchema, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE }));
  }

  async find(em: EntityManager, id: string): Promise<Complaint | undefined> {
    return detached(await em.findOne(ComplaintSchema, { id }));
  }

  async insert(tx: EntityManager, complaint: Complaint): Promise<void> {
    tx.create(ComplaintSchema, complaint);
    await tx.flush();
  }

  async save(tx: EntityManager, complaint: Complaint): Promise<void> {
    // The locked row is in the identity map, so the flush writes only the columns that changed.
    tx.assign(tx.getReference(ComplaintSchema, complaint.id), complaint);
    await tx.flush();
  }
}
