import { z } from 'zod';
import { defineEvent } from '../event-contract';
import { isoInstantSchema, policyIdSchema, policyVersionSchema } from '../primitives';
import { STREAMS } from '../streams';

/*
 * What became of one webhook delivery: an event relayed to one endpoint. Neither event says
 * where the endpoint is or what it answered beyond the HTTP status: the register and the
 * complaint's history need the fate of the delivery, not the receiver's business.
 */

const deliveryFacts = {
  /** The policy of the relayed event, which names the organisation whose endpoint it was. */
  policyId: policyIdSchema,
  policyVersion: policyVersionSchema,
  /** The `webhook-id` of every attempt: one per (event, endpoint). */
  deliveryId: z.uuid(),
  endpointId: z.uuid(),
  /** The event relayed, and its type. */
  causeEventId: z.uuid(),
  causeEventType: z.string().min(1).max(100),
  /** Attempts made so far, this one included. */
  attempts: z.number().int().positive(),
};

/** The endpoint answered 2xx. */
export const WebhookDeliveredV1 = defineEvent({
  type: 'webhook.delivered',
  version: 1,
  stream: STREAMS.notifications,
  data: z.strictObject({ ...deliveryFacts, statusCode: z.number().int().min(200).max(299), deliveredAt: isoInstantSchema }),
});

/** The delivery is dead unless an admin retries it: refused for good, or still failing after the last attempt. */
export const WebhookFailedV1 = defineEvent({
  type: 'webhook.failed',
  version: 1,
  stream: STREAMS.notifications,
  data: z.strictObject({
    ...deliveryFacts,
    /** The HTTP status of the last attempt; null when it got no answer. */
    statusCode: z.number().int().nullable(),
    failedAt: isoInstantSchema,
  }),
});

export const WEBHOOK_OUTCOME_EVENTS = [WebhookDeliveredV1, WebhookFailedV1] as const;
