import { EntityManager } from '@mikro-orm/postgresql';
import { HistoryStep } from '../messages/message-facts';

/** A complaint as notifications knows it: enough to check who may see its messages and to name it. */
export interface NotifiedComplaint {
  readonly complaintId: string;
  readonly policyId: string;
  readonly policyVersion: number;
  readonly reference: string;
}

/** The complaints notifications has heard of, and the steps each has taken. */
export interface ComplaintHistoryRepository {
  /** Keeps the first: a replayed event never changes what a complaint was received under. */
  remember(tx: EntityManager, complaint: NotifiedComplaint): Promise<void>;
  find(em: EntityManager, complaintId: string): Promise<NotifiedComplaint | undefined>;
  recordStep(tx: EntityManager, complaintId: string, eventId: string, step: HistoryStep): Promise<void>;
  /** Oldest first. */
  stepsOf(tx: EntityManager, complaintId: string): Promise<HistoryStep[]>;
}

export const COMPLAINT_HISTORY = Symbol('ComplaintHistoryRepository');
