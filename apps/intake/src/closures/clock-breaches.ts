import { EntityManager } from '@mikro-orm/postgresql';

/** One clock's breach at one deadline, as sla's breach and its withdrawal both name it. */
export interface ClockBreachKey {
  readonly complaintId: string;
  readonly metric: string;
  readonly dueAt: Date;
}

/** A closure a policy's closure rule made on a breach: the breach event and the `complaint.closed` it caused. */
export interface ClosureOnBreach {
  readonly breachEventId: string;
  readonly closedEventId: string;
}

/**
 * The breaches sla reported of a complaint's clocks and those it withdrew, in whichever order
 * intake processes them. Every method runs in the caller's transaction, with the complaint locked.
 */
export interface ClockBreachRepository {
  /** Records a reported breach; false when its withdrawal was processed first, so it does not stand. */
  recordBreach(tx: EntityManager, breach: ClockBreachKey, breachEventId: string): Promise<boolean>;
  /** Records that the policy's closure rule closed the complaint on this breach, with `complaint.closed` event `closedEventId`. */
  recordClosure(tx: EntityManager, breach: ClockBreachKey, closedEventId: string): Promise<void>;
  /**
   * Records a withdrawal, before or after the breach it withdraws; returns the closure the breach
   * caused, if it was processed first and closed the complaint.
   */
  recordWithdrawal(tx: EntityManager, breach: ClockBreachKey, withdrawalEventId: string): Promise<ClosureOnBreach | undefined>;
  /** Whether a breach of the complaint stands: reported and not withdrawn. */
  anyStanding(tx: EntityManager, complaintId: string): Promise<boolean>;
}

/** Nest token for the `ClockBreachRepository` the use cases receive. */
export const CLOCK_BREACHES = Symbol('ClockBreachRepository');
