import {
  DELIVERY_ERROR_CLASSES,
  MESSAGE_TYPES,
  NOTIFICATION_CHANNELS,
  RECIPIENT_KINDS,
} from '@complaints/domain';
import { z } from 'zod';
import { defineEvent } from '../event-contract';
import { isoInstantSchema, localeSchema, policyIdSchema, policyVersionSchema } from '../primitives';
import { STREAMS } from '../streams';

/*
 * What became of one message. The envelope names the complaint; neither event says who the
 * recipient is, what the message said or where it went: only its kind, language and fate.
 */

const deliveryFacts = {
  policyId: policyIdSchema,
  policyVersion: policyVersionSchema,
  /** One delivery per (event, message type, recipient): the same id on every attempt. */
  deliveryId: z.uuid(),
  /** The event that called for the message. */
  causeEventId: z.uuid(),
  messageType: z.enum(MESSAGE_TYPES),
  channel: z.enum(NOTIFICATION_CHANNELS),
  recipient: z.enum(RECIPIENT_KINDS),
  /** Attempts made so far, this one included. */
  attempts: z.number().int().positive(),
};

/** The mail server accepted the message. */
export const NotificationSentV1 = defineEvent({
  type: 'notification.sent',
  version: 1,
  stream: STREAMS.notifications,
  data: z.strictObject({ ...deliveryFacts, locale: localeSchema, sentAt: isoInstantSchema }),
});

/** The message will not be delivered unless an admin retries it: refused, unaddressable, or out of attempts. */
export const NotificationFailedV1 = defineEvent({
  type: 'notification.failed',
  version: 1,
  stream: STREAMS.notifications,
  data: z.strictObject({
    ...deliveryFacts,
    /** Null when it failed before a language was chosen (no address to send to). */
    locale: localeSchema.nullable(),
    errorClass: z.enum(DELIVERY_ERROR_CLASSES),
    failedAt: isoInstantSchema,
  }),
});

export const NOTIFICATION_EVENTS = [NotificationSentV1, NotificationFailedV1] as const;
