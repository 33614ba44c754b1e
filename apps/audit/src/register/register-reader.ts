import { AuditEntryFilter } from '@complaints/contracts';
import { EntityManager } from '@mikro-orm/postgresql';
import { StoredEntry } from './chain-check';

/** What the register's queries, proofs and verification read. */
export interface RegisterReader {
  /** How many entries the register holds. */
  size(em: EntityManager): Promise<number>;
  /** Entries that match, from seq `fromSeq` on, in seq order. */
  page(em: EntityManager, filter: AuditEntryFilter, fromSeq: number, limit: number): Promise<StoredEntry[]>;
  /** Entries with seq in [from, to), in seq order; a missing one is simply absent. */
  range(em: EntityManager, from: number, to: number): Promise<StoredEntry[]>;
  /** The hash of the entry at `seq`, as stored. */
  hashAt(em: EntityManager, seq: number): Promise<string | undefined>;
}

export const REGISTER_READER = Symbol('RegisterReader');
