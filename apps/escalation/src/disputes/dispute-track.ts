import { Actor } from '@complaints/contracts';
import { EntityManager } from '@mikro-orm/postgresql';

/** The policy a complaint's dispute tiers are numbered by. */
export interface DisputeTrackKey {
  readonly complaintId: string;
  readonly policyId: string;
  readonly policyVersion: number;
}

/** Where a complaint's dispute track stands, as far as deciding the next change needs. */
export interface DisputeTrack {
  /** The `complaint.dispute-tier-changed` event that set the current tier; null before the first. */
  readonly currentChangeId: string | null;
}

/** One tier change intake made, as the complaint's dispute history keeps it. */
export interface DisputeTierChangeRecord {
  /** Intake's `complaint.dispute-tier-changed` event; intake keeps the reason under the same id. */
  readonly causeEventId: string;
  readonly complaintId: string;
  readonly fromTier: number | null;
  readonly toTier: number;
  readonly changedBy: Actor;
  readonly occurredAt: Date;
  /** The `escalation.dispute-tier-changed` that announced it; null for a change overtaken by a newer one. */
  readonly eventId: string | null;
}

/** What the use case needs from storage; every method runs in the caller's transaction. */
export interface DisputeTrackRepository {
  /** The complaint's track, created at its first change and locked until the transaction ends. */
  lock(tx: EntityManager, key: DisputeTrackKey): Promise<DisputeTrack>;
  moveTo(tx: EntityManager, complaintId: string, tier: number, changeId: string): Promise<void>;
  /** Adds a change to the complaint's history; a change already in it stays as it was. */
  record(tx: EntityManager, change: DisputeTierChangeRecord): Promise<void>;
}

/** Nest token for the `DisputeTrackRepository` the use case receives. */
export const DISPUTE_TRACKS = Symbol('DisputeTrackRepository');
