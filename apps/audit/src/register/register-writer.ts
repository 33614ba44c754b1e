import { EntityManager } from '@mikro-orm/postgresql';
import { RegisterEntry, RegisterHead } from './register-entry';

/** Where appends go: the head every append locks, and the entries with their payloads. */
export interface RegisterWriter {
  /** The head, locked until the transaction ends: appends and checkpoints take their turn. */
  lockHead(tx: EntityManager): Promise<RegisterHead>;
  hasEvent(tx: EntityManager, eventId: string): Promise<boolean>;
  /** The reference an earlier entry of the complaint recorded, if any did. */
  referenceOf(tx: EntityManager, complaintId: string): Promise<string | null>;
  /** Stores the entry and its payload and moves the head past it. */
  append(tx: EntityManager, entry: RegisterEntry, payload: unknown): Promise<void>;
}

export const REGISTER_WRITER = Symbol('RegisterWriter');
