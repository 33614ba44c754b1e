import { EscalationTriggerName } from '@complaints/contracts';
import { EntityManager } from '@mikro-orm/postgresql';

/** Where one complaint stands on the ladder of the policy version it was received under. */
export interface ComplaintLadder {
  readonly complaintId: string;
  readonly policyId: string;
  readonly policyVersion: number;
  readonly level: number;
}

/** One step up, kept as the complaint's escalation history. */
export interface LevelChange {
  /** The `escalation.level-raised` event that announces the step. */
  readonly eventId: string;
  readonly complaintId: string;
  readonly fromLevel: number;
  readonly toLevel: number;
  readonly trigger: EscalationTriggerName;
  readonly metric: string | null;
  readonly causeEventId: string;
  readonly occurredAt: Date;
}

/** What the use cases need from storage; every method runs in the caller's transaction. */
export interface ComplaintLadderRepository {
  /** Puts a complaint on its ladder at level 1; a complaint already on it stays where it is. */
  start(tx: EntityManager, ladder: Omit<ComplaintLadder, 'level'>): Promise<void>;
  /** The complaint's ladder, locked until the transaction ends so two triggers never both read the same level. */
  lock(tx: EntityManager, complaintId: string): Promise<ComplaintLadder | undefined>;
  raise(tx: EntityManager, change: LevelChange): Promise<void>;
  /** The step up the event `causeEventId` (a breach) caused, unless withdrawn already. */
  raiseCausedBy(tx: EntityManager, complaintId: string, causeEventId: string): Promise<LevelChange | undefined>;
  /** The latest step up a breach of this clock caused that is not withdrawn yet. */
  lastBreachRaise(tx: EntityManager, complaintId: string, metric: string): Promise<LevelChange | undefined>;
  /** Moves the complaint down to `toLevel`, marking the step `undone` as withdrawn by event `eventId`. */
  lower(tx: EntityManager, lowering: { complaintId: string; toLevel: number; undone: string; eventId: string }): Promise<void>;
}

/** Nest token for the `ComplaintLadderRepository` the use cases receive. */
export const COMPLAINT_LADDERS = Symbol('ComplaintLadderRepository');
