import { EntityManager } from '@mikro-orm/postgresql';
import { Complaint } from './complaint';

/** Where intake keeps its complaints. */
export interface ComplaintRepository {
  /** The complaint, locked until the transaction ends, so changes to it queue; undefined if intake has none by that id. */
  lockForChange(tx: EntityManager, id: string): Promise<Complaint | undefined>;
  find(em: EntityManager, id: string): Promise<Complaint | undefined>;
  insert(tx: EntityManager, complaint: Complaint): Promise<void>;
  /** Writes a complaint this transaction locked with `lockForChange`. */
  save(tx: EntityManager, complaint: Complaint): Promise<void>;
}

export const COMPLAINT_REPOSITORY = Symbol('ComplaintRepository');
