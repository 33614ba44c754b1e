import { SlaClockStatus } from '@complaints/contracts';
import { EntityManager } from '@mikro-orm/postgresql';
import { ClockState } from './clock-state';
import { SlaComplaint } from './sla-complaint';

/** A clock of a complaint, named the way its timers name it. */
export interface ClockKey {
  readonly complaintId: string;
  readonly metric: string;
}

/** A clock a timer alerts on, with what its alert says of the complaint. */
export interface AlertTarget {
  readonly policyId: string;
  readonly policyVersion: number;
  readonly clock: ClockState;
}

export const clockKeyOf = ({ complaintId, metric }: ClockKey): string => `${complaintId}/${metric}`;

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
  /** Writes every clock given, in this order, each with the complaint's policy (what the SLA report groups by). */
  saveClocks(
    tx: EntityManager,
    complaint: Pick<SlaComplaint, 'complaintId' | 'policyId'>,
    clocks: readonly ClockState[],
    now: Date,
  ): Promise<void>;
  /** The clocks these keys name, by `clockKeyOf`, in one read; absent ones are not in the map. */
  alertTargets(em: EntityManager, keys: readonly ClockKey[]): Promise<Map<string, AlertTarget>>;
  /** Writes these clocks' breach (status, breachedAt, explanation, steps) in one statement. */
  markBreached(tx: EntityManager, breaches: readonly { complaintId: string; clock: ClockState }[], now: Date): Promise<void>;
  countByStatus(em: EntityManager): Promise<Partial<Record<SlaClockStatus, number>>>;
}

export const COMPLAINT_CLOCKS_REPOSITORY = Symbol('ComplaintClocksRepository');
