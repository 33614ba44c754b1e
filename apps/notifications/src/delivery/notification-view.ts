import { NotificationView } from '@complaints/contracts';
import { Delivery } from './delivery';

/** A delivery as agents see it: its kind and fate, never its address or words. */
export function notificationViewOf(delivery: Delivery): NotificationView {
  return {
    id: delivery.id,
    type: delivery.messageType,
    channel: delivery.channel,
    locale: delivery.locale,
    status: delivery.status,
    attempts: delivery.attempts,
    sentAt: delivery.sentAt?.toISOString() ?? null,
    lastError: delivery.lastError,
    recipient: delivery.recipient.kind,
    nextAttemptAt: delivery.status === 'pending' ? (delivery.nextAttemptAt?.toISOString() ?? null) : null,
    createdAt: delivery.createdAt.toISOString(),
  };
}
