import { EntityManager } from '@mikro-orm/postgresql';
import { RegisterEntry, RegisterHead } from './register-entry';

/** An entry to store, with the event data kept beside it. */
export interface NewEntry {
  readonly entry: RegisterEntry;
  readonly payload: unknown;
}

/** Where appends go: the head every append locks, and the entries with their payloads. */
export interface RegisterWriter {
  /** The head, locked until the transaction ends: appends and checkpoints take their turn. */
  lockHead(tx: EntityManager): Promise<RegisterHead>;
  /** Which of these events the register already holds. */
  recordedEvents(tx: EntityManager, eventIds: readonly string[]): Promise<Set<string>>;
  /** The reference the earliest entry of each complaint recorded, for those where one did. */
  referencesOf(tx: EntityManager, complaintIds: readonly string[]): Promise<Map<string, string>>;
  /** Stores consecutive entries and their payloads and moves the head past the last. */
  append(tx: EntityManager, entries: readonly NewEntry[]): Promise<void>;
}

export const REGISTER_WRITER = Symbol('RegisterWriter');
