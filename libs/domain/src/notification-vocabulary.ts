/**
 * The messages a customer can be sent, each on one event:
 * `received` complaint.received (with the reference), `acknowledged` complaint.acknowledged,
 * `response` complaint.response-sent (the agent's own text), `info_requested`
 * complaint.info-requested (the agent's question), `expected_date` complaint.expected-date-set,
 * `resolved` complaint.resolved, or survey.sent with the survey link when the policy has a
 * survey, `closed` complaint.closed (with its reason), `escalated` escalation.level-raised,
 * `progress_update` a recurring clock (regular_update) lapsing without an agent's update.
 */
export const CUSTOMER_MESSAGE_TYPES = [
  'received',
  'acknowledged',
  'response',
  'info_requested',
  'expected_date',
  'resolved',
  'closed',
  'escalated',
  'progress_update',
] as const;
export type CustomerMessageType = (typeof CUSTOMER_MESSAGE_TYPES)[number];

/**
 * Messages to the customer that no policy lists: each corrects one the policy does list, and is
 * sent wherever that one was. `closure_withdrawn` complaint.closure-withdrawn, after `closed`:
 * the closure was undone because what caused it proved false, and the complaint is open again.
 */
export const CUSTOMER_CORRECTION_MESSAGE_TYPES = ['closure_withdrawn'] as const;
export type CustomerCorrectionMessageType = (typeof CUSTOMER_CORRECTION_MESSAGE_TYPES)[number];

/** Messages to the people of an escalation level: the complaint reached their level, or a clock alerts them. */
export const TEAM_MESSAGE_TYPES = ['team_escalation', 'team_alert'] as const;
export type TeamMessageType = (typeof TEAM_MESSAGE_TYPES)[number];

export const MESSAGE_TYPES = [...CUSTOMER_MESSAGE_TYPES, ...CUSTOMER_CORRECTION_MESSAGE_TYPES, ...TEAM_MESSAGE_TYPES] as const;
export type MessageType = (typeof MESSAGE_TYPES)[number];

/** Who a message goes to: the complainant, or the people of an escalation level. */
export const RECIPIENT_KINDS = ['customer', 'team'] as const;
export type RecipientKind = (typeof RECIPIENT_KINDS)[number];

export const NOTIFICATION_CHANNELS = ['email'] as const;
export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number];

/**
 * `pending`: waiting for its first or next attempt. `sent`: the mail server took it.
 * `dead`: refused for good, or every attempt failed; an admin may retry it.
 */
export const DELIVERY_STATUSES = ['pending', 'sent', 'dead'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/**
 * Why a delivery failed, without a word of the message or its address: `temporary` (the
 * server was unreachable or answered 4xx; retried), `refused` (the server answered 5xx),
 * `no_address` (the customer gave no email address, or the policy none for the team),
 * `attempts_exhausted` (the last temporary failure of the schedule).
 */
export const DELIVERY_ERROR_CLASSES = ['temporary', 'refused', 'no_address', 'attempts_exhausted'] as const;
export type DeliveryErrorClass = (typeof DELIVERY_ERROR_CLASSES)[number];
