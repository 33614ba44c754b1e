import { SlaClockStatus } from '@complaints/contracts';
import { EntityManager } from '@mikro-orm/postgresql';
import { ClockState } from './clock-state';
import { SlaComplaint } from './sla-complaint';

/** Where sla keeps each complaint's facts and clocks. */
export interface ComplaintClocksRepository {
  /** The complaint, locked until the transaction ends; undefined if sla has not seen its receipt. */
  lock(tx: EntityManager, complaintId: string): Promise<SlaComplaint | undefined>;
  /** Locks these complaints in the order given, for a batch of timer firings (see `BatchLock`). */
  lockAll(tx: EntityManager, complaintIds: readonly string[]): Promise<void>;
  find(em: EntityManager, complaintId: string): Promise<SlaComplaint | undefined>;
  save(tx: EntityManager, complaint: SlaComplaint, now: Date): Promise<void>;
  /** The complaint's clocks, in the order they were saved. */
  clocksOf(em: EntityManager, complaintId: string): Promise<ClockState[]>;
  /** Writes every clock given, in this order. */
  saveClocks(tx: EntityManager, complaintId: string, clocks: readonly ClockState[], now: Date): Promise<void>;
  countByStatus(em: EntityManager): Promise<Partial<Record<SlaClockStatus, number>>>;
}

export const COMPLAINT_CLOCKS_REPOSITORY = Symbol('ComplaintClocksRepository');
