import { z } from 'zod';
import { EVENT_CATALOGUE } from '../event-catalogue';
import { principalSchema } from '../principal';
import { isoInstantSchema, organisationIdSchema, textSchema } from '../primitives';
import { STREAMS, StreamDefinition } from '../streams';
import { defineRequest } from './request-contract';

/*
 * Webhook endpoints an organisation's admin registers, and the deliveries made to them
 * (Standard Webhooks: `webhook-id`, `webhook-timestamp`, `webhook-signature`). The body of a
 * delivery is the event envelope itself, which carries no personal data.
 */

/**
 * The events an endpoint can subscribe to: those about complaints (intake, sla, escalation,
 * feedback). Policy publications and the SLA re-plans kept for the register are internal.
 */
export const WEBHOOK_EVENT_STREAMS: readonly StreamDefinition[] = [STREAMS.complaints, STREAMS.sla, STREAMS.escalation, STREAMS.surveys];

export const WEBHOOK_EVENT_TYPES: readonly string[] = [
  ...new Set(EVENT_CATALOGUE.filter((contract) => WEBHOOK_EVENT_STREAMS.includes(contract.stream)).map((contract) => contract.type)),
];

/** `complaint`, `sla`, `escalation`, `survey`: the families a `<family>.*` subscription names. */
export const WEBHOOK_EVENT_FAMILIES: readonly string[] = [...new Set(WEBHOOK_EVENT_TYPES.map((type) => type.split('.')[0] as string))];

/** One event type (`complaint.resolved`) or every event of a family (`complaint.*`). */
export const webhookEventTypeSchema = z
  .string()
  .max(100)
  .refine(
    (value) => WEBHOOK_EVENT_TYPES.includes(value) || (value.endsWith('.*') && WEBHOOK_EVENT_FAMILIES.includes(value.slice(0, -2))),
    {
      message: `must be an event type such as complaint.resolved, or a family: ${WEBHOOK_EVENT_FAMILIES.map((family) => `${family}.*`).join(', ')}`,
    },
  );

/** `POST /v1/webhooks`: where to deliver and what. */
export const webhookEndpointBodySchema = z.strictObject({
  // Whether the scheme may be http and the host may resolve to a private address is the
  // notifications service's decision (it resolves the name); here only the form is checked.
  url: z.url({ protocol: /^https?$/, error: 'must be an absolute http or https URL' }).max(2048, 'must be at most 2048 characters'),
  eventTypes: z
    .array(webhookEventTypeSchema)
    .min(1, 'must name at least one event type')
    .max(50, 'must name at most 50 event types')
    .refine((types) => new Set(types).size === types.length, 'must not name an event type twice'),
  description: textSchema(200).optional(),
  /**
   * Only for a platform admin: the organisation whose events the endpoint receives. A
   * platform admin who names none registers a platform endpoint that receives every
   * organisation's events; an organisation's admin may name only its own.
   */
  organisationId: organisationIdSchema.optional(),
});
export type WebhookEndpointBody = z.infer<typeof webhookEndpointBodySchema>;

export const webhookEndpointViewSchema = z.strictObject({
  id: z.uuid(),
  /** null: a platform endpoint, which receives every organisation's events. */
  organisationId: organisationIdSchema.nullable(),
  url: z.string(),
  eventTypes: z.array(z.string()),
  description: z.string().nullable(),
  /** The API key name of the admin who registered it. */
  createdBy: z.string(),
  createdAt: isoInstantSchema,
});
export type WebhookEndpointView = z.infer<typeof webhookEndpointViewSchema>;

/** The answer to a registration: the only time the signing secret is ever shown. */
export const registeredWebhookEndpointSchema = webhookEndpointViewSchema.extend({
  /** `whsec_` + base64 of 32 random bytes, for the receiver's Standard Webhooks library. */
  secret: z.string().startsWith('whsec_'),
});
export type RegisteredWebhookEndpoint = z.infer<typeof registeredWebhookEndpointSchema>;

export const webhookEndpointPageSchema = z.strictObject({
  items: z.array(webhookEndpointViewSchema),
  nextCursor: z.string().nullable(),
});
export type WebhookEndpointPage = z.infer<typeof webhookEndpointPageSchema>;

/**
 * `pending`: waiting for its first or next attempt. `delivered`: the endpoint answered 2xx.
 * `dead`: refused for good (a 4xx other than 408 and 429) or still failing after the last
 * attempt of the retry schedule.
 */
export const WEBHOOK_DELIVERY_STATUSES = ['pending', 'delivered', 'dead'] as const;

export const webhookDeliveryViewSchema = z.strictObject({
  /** The `webhook-id` header of every attempt. */
  id: z.uuid(),
  eventId: z.uuid(),
  eventType: z.string(),
  complaintId: z.uuid().nullable(),
  status: z.enum(WEBHOOK_DELIVERY_STATUSES),
  attempts: z.number().int().min(0),
  nextAttemptAt: isoInstantSchema.nullable(),
  /** The HTTP status of the last attempt; null when it got no answer. */
  lastStatusCode: z.number().int().nullable(),
  lastError: z.string().nullable(),
  deliveredAt: isoInstantSchema.nullable(),
  createdAt: isoInstantSchema,
});
export type WebhookDeliveryView = z.infer<typeof webhookDeliveryViewSchema>;

const endpointRequestSchema = z.strictObject({ principal: principalSchema, endpointId: z.uuid() });
export type WebhookEndpointRequest = z.infer<typeof endpointRequestSchema>;

export const registerWebhookEndpointRequestSchema = z.strictObject({ principal: principalSchema, endpoint: webhookEndpointBodySchema });
export type RegisterWebhookEndpointRequest = z.infer<typeof registerWebhookEndpointRequestSchema>;

export const listWebhookEndpointsRequestSchema = z.strictObject({
  principal: principalSchema,
  /** Opaque: the `nextCursor` of the previous page. */
  cursor: z.string().min(1).max(500).optional(),
  limit: z.number().int().min(1).max(100).default(25),
});
export type ListWebhookEndpointsRequest = z.infer<typeof listWebhookEndpointsRequestSchema>;

export const listWebhookDeliveriesRequestSchema = endpointRequestSchema.extend({
  limit: z.number().int().min(1).max(100).default(50),
});
export type ListWebhookDeliveriesRequest = z.infer<typeof listWebhookDeliveriesRequestSchema>;

export const retryWebhookDeliveryRequestSchema = endpointRequestSchema.extend({ deliveryId: z.uuid() });
export type RetryWebhookDeliveryRequest = z.infer<typeof retryWebhookDeliveryRequestSchema>;

/** What notifications answers about webhooks over request-reply; each checks the principal itself. */
export const WebhookRequests = {
  register: defineRequest({
    pattern: 'notifications.webhooks.register',
    request: registerWebhookEndpointRequestSchema,
    reply: registeredWebhookEndpointSchema,
  }),
  list: defineRequest({ pattern: 'notifications.webhooks.list', request: listWebhookEndpointsRequestSchema, reply: webhookEndpointPageSchema }),
  get: defineRequest({ pattern: 'notifications.webhooks.get', request: endpointRequestSchema, reply: webhookEndpointViewSchema }),
  delete: defineRequest({
    pattern: 'notifications.webhooks.delete',
    request: endpointRequestSchema,
    reply: z.strictObject({ id: z.uuid() }),
  }),
  deliveries: defineRequest({
    pattern: 'notifications.webhooks.deliveries',
    request: listWebhookDeliveriesRequestSchema,
    reply: z.strictObject({ items: z.array(webhookDeliveryViewSchema) }),
  }),
  retryDelivery: defineRequest({
    pattern: 'notifications.webhooks.retry-delivery',
    request: retryWebhookDeliveryRequestSchema,
    reply: webhookDeliveryViewSchema,
  }),
};
