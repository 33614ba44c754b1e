/**
 * The closed vocabularies of a policy document. Clock ids are stable names used in the API,
 * events, metrics and the register (POLICIES.md, "Time semantics"), so they are a fixed list
 * rather than free text.
 */
export const CLOCK_IDS = [
  'acknowledgement',
  'first_reply',
  'interim_response',
  'resolution',
  'corrective_actions',
  'findings',
  'regular_update',
  'escalation_level_2',
  'escalation_level_3',
  'non_cooperation',
  'stale',
  'survey_window',
] as const;
export type ClockId = (typeof CLOCK_IDS)[number];

/** Count only open time of the policy's calendar. */
export const BUSINESS_UNITS = ['business_minutes', 'business_hours', 'business_days'] as const;
/** Elapsed time: a DST change neither adds nor removes any. */
export const ELAPSED_UNITS = ['seconds', 'minutes', 'hours'] as const;
/** Added in the policy's zone keeping the local wall-clock time. */
export const WALL_CLOCK_UNITS = ['days', 'weeks', 'months'] as const;
export const TARGET_UNITS = [...BUSINESS_UNITS, ...ELAPSED_UNITS, ...WALL_CLOCK_UNITS] as const;

export type BusinessUnit = (typeof BUSINESS_UNITS)[number];
export type ElapsedUnit = (typeof ELAPSED_UNITS)[number];
export type WallClockUnit = (typeof WALL_CLOCK_UNITS)[number];
export type TargetUnit = (typeof TARGET_UNITS)[number];

/** Units that only make sense as whole numbers. */
export const WHOLE_UNITS: readonly TargetUnit[] = ['business_days', 'days', 'weeks', 'months'];

/**
 * The instant a clock starts from. `upgrade` is the moment a complaint became a formal
 * complaint: the upgrade of an inquiry, or the receipt of a complaint filed as one.
 */
export const CLOCK_ANCHORS = [
  'receipt',
  'first_contact',
  'upgrade',
  'authorisation',
  'information_request',
  'survey_sent',
] as const;
export type ClockAnchor = (typeof CLOCK_ANCHORS)[number];

export const PAUSE_REASONS = ['awaiting_customer', 'awaiting_authorization'] as const;
export type PauseReason = (typeof PAUSE_REASONS)[number];

/** Lifecycle events that can stop (meet) or restart a clock. */
export const CLOCK_EVENTS = [
  'acknowledged',
  'responded',
  'interim_response_sent',
  'findings_reported',
  'corrective_actions_proposed',
  'update_sent',
  'customer_replied',
  'upgraded',
  'resolved',
  'closed',
  'survey_answered',
] as const;
export type ClockEvent = (typeof CLOCK_EVENTS)[number];

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export const TRIGGER_EVENTS = ['clock_warning', 'clock_breach', 'survey_dissatisfied', 'manual'] as const;
export type TriggerEvent = (typeof TRIGGER_EVENTS)[number];

export const ESCALATION_ACTIONS = [
  'notify_current_level',
  'escalate_one_level',
  'escalate_to_level',
] as const;
export type EscalationAction = (typeof ESCALATION_ACTIONS)[number];
