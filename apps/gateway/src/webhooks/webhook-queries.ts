import { z } from 'zod';

const endpointId = z.uuid({ error: 'must be a webhook endpoint id (UUID)' });

export const webhookIdParamSchema = z.strictObject({ id: endpointId });

export const webhookDeliveryParamsSchema = z.strictObject({
  id: endpointId,
  deliveryId: z.uuid({ error: 'must be a webhook delivery id (UUID)' }),
});

/** `GET /v1/webhooks`: a cursor from the previous page, and a page size. */
export const listWebhooksQuerySchema = z.strictObject({
  cursor: z.string().min(1).max(500).optional(),
  limit: z.coerce.number({ error: 'must be a number' }).int().min(1).max(100).default(25),
});

/** `GET /v1/webhooks/:id/deliveries`: how many of the newest. */
export const listWebhookDeliveriesQuerySchema = z.strictObject({
  limit: z.coerce.number({ error: 'must be a number' }).int().min(1).max(100).default(50),
});
