import { EntityManager } from '@mikro-orm/postgresql';
import { ComplaintEnvelope } from './complaint-event-rules';

/** Every clock-relevant event of each complaint, as sla received them (`sla.complaint_events`). */
export interface ComplaintEventLog {
  /**
   * Serialises the events of one complaint until the transaction ends, whether or not sla has
   * its receipt yet: two early events, or an early event and its receipt, never miss each other.
   */
  lockHistory(tx: EntityManager, complaintId: string): Promise<void>;
  /** Records the event; recording it again changes nothing. */
  append(tx: EntityManager, event: ComplaintEnvelope): Promise<void>;
  /** The complaint's events, in the order they occurred. */
  history(tx: EntityManager, complaintId: string): Promise<ComplaintEnvelope[]>;
}
