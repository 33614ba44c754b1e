import { WebhookDeliveredV1, WebhookFailedV1 } from '@complaints/contracts';
import { EventSink } from '@complaints/messaging';
import { z } from 'zod';
import { NOTIFICATIONS_ACTOR } from '../delivery/notifications-actor';
import { policyFactsSchema } from './queue-webhook-deliveries';
import { AttemptRecord, DueWebhookDelivery } from './webhook-delivery';

/** Every relayed event names its policy (deliveries are queued only for those that do). */
const relayedEventSchema = z.object({ data: policyFactsSchema });

/**
 * Publishes the event that announces what an attempt settled: delivered or dead. A delivery still
 * pending has settled nothing, so it is announced by nothing. The policy comes from the
 * relayed event itself (the body every attempt sends), so the register files the outcome
 * under the organisation whose endpoint it was.
 */
export async function announceWebhookOutcome(
  events: EventSink,
  delivery: DueWebhookDelivery,
  record: AttemptRecord,
  now: Date,
): Promise<void> {
  if (record.status === 'pending') return;
  const { policyId, policyVersion } = relayedEventSchema.parse(JSON.parse(delivery.payload)).data;
  const facts = {
    policyId,
    policyVersion,
    deliveryId: delivery.id,
    endpointId: delivery.endpointId,
    causeEventId: delivery.eventId,
    causeEventType: delivery.eventType,
    attempts: delivery.attemptsMade + 1,
  };
  const envelope = { complaintId: delivery.complaintId, actor: NOTIFICATIONS_ACTOR, occurredAt: now };
  if (record.status === 'delivered') {
    await events.publish(WebhookDeliveredV1, {
      ...envelope,
      data: { ...facts, statusCode: record.statusCode, deliveredAt: now.toISOString() },
    });
  } else {
    await events.publish(WebhookFailedV1, {
      ...envelope,
      data: { ...facts, statusCode: record.statusCode, failedAt: now.toISOString() },
    });
  }
}
