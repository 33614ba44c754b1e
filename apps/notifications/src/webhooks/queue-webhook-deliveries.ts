import { Envelope, policyIdSchema } from '@complaints/contracts';
import { derivedEventId } from '@complaints/messaging';
import { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable } from '@nestjs/common';
import { z } from 'zod';
import { subscribesTo } from './event-type-patterns';
import { WEBHOOK_DELIVERIES, WebhookDeliveryRepository } from './webhook-delivery';
import { WEBHOOK_ENDPOINTS, WebhookEndpointRepository } from './webhook-endpoint';

/** The organisation a policy version belongs to: null for a template, undefined while the version is not known yet. */
export interface PolicyOrganisations {
  organisationOf(policyId: string, policyVersion: number): string | null | undefined;
}

export const POLICY_ORGANISATIONS = Symbol('PolicyOrganisations');

/** What an event about a complaint says about its policy: every event an endpoint can subscribe to carries it. */
export const policyFactsSchema = z.object({
  policyId: policyIdSchema,
  policyVersion: z.number().int().positive(),
});
export type PolicyFacts = z.infer<typeof policyFactsSchema>;

/**
 * Queues one delivery of an event to each endpoint of its organisation (and each platform
 * endpoint) that subscribes to its type, in the consumer's transaction. The body is the
 * envelope as published, less its trace context, which is the platform's own business.
 */
@Injectable()
export class QueueWebhookDeliveries {
  constructor(
    @Inject(WEBHOOK_ENDPOINTS) private readonly endpoints: WebhookEndpointRepository,
    @Inject(WEBHOOK_DELIVERIES) private readonly deliveries: WebhookDeliveryRepository,
    @Inject(POLICY_ORGANISATIONS) private readonly policies: PolicyOrganisations,
  ) {}

  /** How many deliveries it queued; `unknown-policy` when the policy version has not reached this service yet. */
  async execute(tx: EntityManager, event: Envelope, policy: PolicyFacts): Promise<number | 'unknown-policy'> {
    const organisationId = this.policies.organisationOf(policy.policyId, policy.policyVersion);
    if (organisationId === undefined) return 'unknown-policy';
    const receivers = (await this.endpoints.receiversOf(tx, organisationId)).filter((endpoint) =>
      subscribesTo(endpoint.eventTypes, event.type),
    );
    if (receivers.length === 0) return 0;
    const { id, type, version, occurredAt, complaintId, actor, data } = event;
    const payload = JSON.stringify({ id, type, version, occurredAt, complaintId, actor, data });
    await this.deliveries.queue(
      tx,
      receivers.map((endpoint) => ({
        // The same for every redelivery of the event: the webhook-id receivers deduplicate by.
        id: derivedEventId(event.id, `webhook-delivery:${endpoint.id}`),
        endpointId: endpoint.id,
        eventId: event.id,
        eventType: type,
        complaintId,
        payload,
      })),
    );
    return receivers.length;
  }
}
