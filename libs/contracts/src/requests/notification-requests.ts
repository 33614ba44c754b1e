import { DELIVERY_ERROR_CLASSES, DELIVERY_STATUSES, MESSAGE_TYPES, NOTIFICATION_CHANNELS, RECIPIENT_KINDS } from '@complaints/domain';
import { z } from 'zod';
import { principalSchema } from '../principal';
import { isoInstantSchema, localeSchema } from '../primitives';
import { defineRequest } from './request-contract';

/** One message to the customer or a team about a complaint, without its address or its words. */
export const notificationViewSchema = z.strictObject({
  id: z.uuid(),
  type: z.enum(MESSAGE_TYPES),
  channel: z.enum(NOTIFICATION_CHANNELS),
  /** The language it was written in; null before its first attempt chose one. */
  locale: localeSchema.nullable(),
  status: z.enum(DELIVERY_STATUSES),
  attempts: z.number().int().nonnegative(),
  sentAt: isoInstantSchema.nullable(),
  /** Why the last attempt failed, as a class and the server's reply code; null when none did. */
  lastError: z.strictObject({ class: z.enum(DELIVERY_ERROR_CLASSES), code: z.number().int().nullable() }).nullable(),
  recipient: z.enum(RECIPIENT_KINDS),
  /** When the next attempt is due; null once sent or dead. */
  nextAttemptAt: isoInstantSchema.nullable(),
  createdAt: isoInstantSchema,
});
export type NotificationView = z.infer<typeof notificationViewSchema>;

export const listNotificationsRequestSchema = z.strictObject({ principal: principalSchema, complaintId: z.uuid() });
export type ListNotificationsRequest = z.infer<typeof listNotificationsRequestSchema>;

export const complaintNotificationsSchema = z.strictObject({
  complaintId: z.uuid(),
  items: z.array(notificationViewSchema),
});
export type ComplaintNotifications = z.infer<typeof complaintNotificationsSchema>;

export const retryNotificationRequestSchema = z.strictObject({
  principal: principalSchema,
  complaintId: z.uuid(),
  deliveryId: z.uuid(),
});
export type RetryNotificationRequest = z.infer<typeof retryNotificationRequestSchema>;

/** What notifications answers over request-reply. */
export const NotificationRequests = {
  listNotifications: defineRequest({
    pattern: 'notifications.complaints.list',
    request: listNotificationsRequestSchema,
    reply: complaintNotificationsSchema,
  }),
  /** A dead delivery becomes pending again with a fresh schedule; any other status is a conflict. */
  retryNotification: defineRequest({
    pattern: 'notifications.deliveries.retry',
    request: retryNotificationRequestSchema,
    reply: notificationViewSchema,
  }),
};
