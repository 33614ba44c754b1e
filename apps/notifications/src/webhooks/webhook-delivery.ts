import { WebhookDeliveryView } from '@complaints/contracts';
import { SealedValue } from '@complaints/persistence';
import { EntityManager } from '@mikro-orm/postgresql';

/** One event for one endpoint, queued in the transaction that consumed the event. */
export interface NewWebhookDelivery {
  /** Derived from the event and the endpoint: the `webhook-id` of every attempt. */
  readonly id: string;
  readonly endpointId: string;
  readonly eventId: string;
  readonly eventType: string;
  readonly complaintId: string | null;
  /** The exact body every attempt sends and signs. */
  readonly payload: string;
}

/** A delivery claimed for an attempt, with what the attempt needs of its endpoint. */
export interface DueWebhookDelivery {
  readonly id: string;
  readonly endpointId: string;
  readonly eventId: string;
  readonly eventType: string;
  readonly complaintId: string | null;
  readonly url: string;
  readonly payload: string;
  readonly attemptsMade: number;
  readonly secret: SealedValue;
}

/** What an attempt came to, for the record: delivered, to be tried again at `nextAttemptAt`, or dead. */
export type AttemptRecord =
  | { readonly status: 'delivered'; readonly statusCode: number }
  | { readonly status: 'pending'; readonly statusCode: number | null; readonly error: string; readonly nextAttemptAt: Date }
  | { readonly status: 'dead'; readonly statusCode: number | null; readonly error: string };

/** What the use cases need from storage. */
export interface WebhookDeliveryRepository {
  /** Queues deliveries; one already queued for the same event and endpoint stays as it is. */
  queue(em: EntityManager, deliveries: readonly NewWebhookDelivery[]): Promise<void>;
  /**
   * Claims up to `limit` due deliveries, for `leaseMs`: other senders (replicas) skip them
   * meanwhile, and a sender that dies mid-attempt leaves them due again when the lease ends.
   */
  claimDue(em: EntityManager, limit: number, leaseMs: number): Promise<DueWebhookDelivery[]>;
  /** Records an attempt at a pending delivery; false when it was no longer pending (nothing recorded). */
  record(em: EntityManager, deliveryId: string, attempt: AttemptRecord): Promise<boolean>;
  /** The delivery, locked for a change, when it belongs to the endpoint. */
  lock(em: EntityManager, endpointId: string, deliveryId: string): Promise<WebhookDeliveryView | undefined>;
  /** Makes a dead delivery pending again, with a fresh retry schedule and its first attempt due now. */
  revive(em: EntityManager, deliveryId: string): Promise<WebhookDeliveryView>;
  /** An endpoint's deliveries, newest first. */
  recent(em: EntityManager, endpointId: string, limit: number): Promise<WebhookDeliveryView[]>;
}

/** Nest token for the `WebhookDeliveryRepository` the use cases receive. */
export const WEBHOOK_DELIVERIES = Symbol('WebhookDeliveryRepository');
