import { EntityManager } from '@mikro-orm/postgresql';

/** A breach sla withdrew, named by its `sla.clock-breached` event. */
export interface WithdrawnBreach {
  readonly breachEventId: string;
  readonly complaintId: string;
  /** The `sla.clock-breach-withdrawn` event. */
  readonly withdrawalEventId: string;
}

/**
 * The breaches sla withdrew, kept so that a breach processed after its withdrawal raises
 * nothing. Every method runs in the caller's transaction, under the complaint's ladder lock.
 */
export interface WithdrawnBreachRepository {
  /** Recording the same breach again keeps the first record. */
  record(tx: EntityManager, withdrawn: WithdrawnBreach): Promise<void>;
  isWithdrawn(tx: EntityManager, breachEventId: string): Promise<boolean>;
}

/** Nest token for the `WithdrawnBreachRepository` the use cases receive. */
export const WITHDRAWN_BREACHES = Symbol('WithdrawnBreachRepository');
