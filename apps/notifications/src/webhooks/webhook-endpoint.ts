import { WebhookEndpointView } from '@complaints/contracts';
import { SealedValue } from '@complaints/persistence';
import { EntityManager } from '@mikro-orm/postgresql';

/** Where an organisation's admin wants its events delivered. */
export interface WebhookEndpoint {
  readonly id: string;
  /** null: a platform endpoint, registered by a platform admin, which receives every organisation's events. */
  readonly organisationId: string | null;
  readonly url: string;
  /** Event types (`complaint.resolved`) and families (`complaint.*`). */
  readonly eventTypes: readonly string[];
  readonly description: string | null;
  readonly createdBy: string;
  readonly createdAt: Date;
}

/** Whose endpoints a query reads: one organisation's, or (for the platform's operators) every one. */
export type EndpointScope = { readonly organisationId: string } | 'all';

/** What the use cases need from storage. */
export interface WebhookEndpointRepository {
  insert(em: EntityManager, endpoint: WebhookEndpoint, secret: SealedValue): Promise<void>;
  find(em: EntityManager, id: string): Promise<WebhookEndpoint | undefined>;
  /** Oldest first, after the endpoint `after` (ids are UUIDv7, so in order of registration). */
  page(em: EntityManager, scope: EndpointScope, after: string | undefined, limit: number): Promise<WebhookEndpoint[]>;
  /** Removes the endpoint, its secret and its deliveries, pending ones included. */
  delete(em: EntityManager, id: string): Promise<void>;
  /** The endpoints that may receive an organisation's events: its own, and the platform's. */
  receiversOf(em: EntityManager, organisationId: string | null): Promise<WebhookEndpoint[]>;
}

/** Nest token for the `WebhookEndpointRepository` the use cases receive. */
export const WEBHOOK_ENDPOINTS = Symbol('WebhookEndpointRepository');

/** The context a secret is sealed under, so a ciphertext moved to another endpoint fails to open. */
export function secretContext(endpointId: string): string {
  return `webhook-endpoint:${endpointId}:secret`;
}

export function viewOf(endpoint: WebhookEndpoint): WebhookEndpointView {
  return {
    id: endpoint.id,
    organisationId: endpoint.organisationId,
    url: endpoint.url,
    eventTypes: [...endpoint.eventTypes],
    description: endpoint.description,
    createdBy: endpoint.createdBy,
    createdAt: endpoint.createdAt.toISOString(),
  };
}
