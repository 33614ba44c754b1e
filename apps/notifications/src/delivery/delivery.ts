import { DeliveryErrorClass, DeliveryStatus, MessageType } from '@complaints/domain';
import { EntityManager } from '@mikro-orm/postgresql';
import { MessageFacts } from '../messages/message-facts';
import { NotifiedComplaint } from './complaint-history';
import { PlannedDelivery, Recipient } from './plan-deliveries';

/** One message to one recipient, and how its attempts went. */
export interface Delivery {
  readonly id: string;
  readonly complaintId: string;
  readonly causeEventId: string;
  readonly messageType: MessageType;
  readonly channel: 'email';
  readonly recipient: Recipient;
  readonly policyId: string;
  readonly policyVersion: number;
  readonly reference: string;
  readonly facts: MessageFacts;
  readonly status: DeliveryStatus;
  readonly attempts: number;
  readonly locale: string | null;
  readonly nextAttemptAt: Date | null;
  readonly lastError: { readonly class: DeliveryErrorClass; readonly code: number | null } | null;
  readonly sentAt: Date | null;
  readonly createdAt: Date;
}

/** What one attempt came to. */
export type AttemptResult =
  | { readonly status: 'sent'; readonly locale: string; readonly at: Date }
  | {
      readonly status: 'pending' | 'dead';
      readonly locale: string | null;
      readonly errorClass: DeliveryErrorClass;
      readonly code: number | null;
      /** When to try again; null once dead. */
      readonly nextAttemptAt: Date | null;
    };

export interface DeliveryRepository {
  /** Adds the deliveries an event calls for; those it already added stay as they are. Returns how many are new. */
  plan(tx: EntityManager, complaint: NotifiedComplaint, causeEventId: string, planned: readonly PlannedDelivery[]): Promise<number>;
  /**
   * Takes up to `limit` due deliveries for one attempt each (SKIP LOCKED, so replicas never
   * take the same one): counts the attempt and holds them for `leaseMs`, after which a
   * replica that died mid-attempt has its deliveries tried again.
   */
  claimDue(tx: EntityManager, now: Date, leaseMs: number, limit: number): Promise<Delivery[]>;
  recordAttempt(tx: EntityManager, id: string, result: AttemptResult): Promise<void>;
  listFor(em: EntityManager, complaintId: string): Promise<Delivery[]>;
  /** Locks one delivery of a complaint, for an admin's retry. */
  lock(tx: EntityManager, complaintId: string, id: string): Promise<Delivery | undefined>;
  /** A dead delivery starts a fresh schedule, due at once. */
  revive(tx: EntityManager, id: string, now: Date): Promise<Delivery>;
}

export const DELIVERIES = Symbol('DeliveryRepository');
