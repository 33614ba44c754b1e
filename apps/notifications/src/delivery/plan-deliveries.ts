import { CloseReason, CustomerMessageType, MessageType, ResponseType } from '@complaints/domain';
import { PolicyDocument } from '@complaints/policy';
import { HistoryStep, MessageFacts } from '../messages/message-facts';

/**
 * What happened to a complaint, as notifications reads the events of intake, sla, escalation
 * and feedback: facts only, each with the id of the event that said so.
 */
export type NotificationTrigger = { readonly eventId: string; readonly at: string } & (
  | { readonly on: 'received'; readonly receivedAt: string }
  | { readonly on: 'acknowledged' }
  | { readonly on: 'response'; readonly responseType: ResponseType }
  | { readonly on: 'info_requested' }
  | { readonly on: 'customer_replied' }
  | { readonly on: 'expected_date'; readonly expectedAt: string }
  | { readonly on: 'resolved' }
  | { readonly on: 'reopened' }
  | { readonly on: 'survey_sent'; readonly surveyId: string; readonly resolutionEventId: string }
  | { readonly on: 'closed'; readonly reason: CloseReason }
  | { readonly on: 'closure_withdrawn' }
  | { readonly on: 'clock_breached'; readonly metric: string }
  | ({ readonly on: 'level_raised' | 'level_notified' } & LevelFacts)
);

interface LevelFacts {
  readonly level: number;
  readonly levelName: string;
  readonly notifies: readonly string[];
  readonly trigger: string;
  readonly metric: string | null;
}

export type Recipient = { readonly kind: 'customer' } | { readonly kind: 'team'; readonly role: string };

/** One message to send: the unit a delivery row records, once per (event, type, recipient). */
export interface PlannedDelivery {
  readonly messageType: MessageType;
  readonly recipient: Recipient;
  readonly facts: MessageFacts;
}

type Policy = Pick<PolicyDocument, 'notifications' | 'survey'>;

const CUSTOMER: Recipient = { kind: 'customer' };

/** The step a progress update lists for this trigger; null for those it does not mention. */
export function historyStepOf(trigger: NotificationTrigger): HistoryStep | null {
  const at = trigger.at;
  switch (trigger.on) {
    case 'received':
      return { type: 'received', at: trigger.receivedAt };
    case 'acknowledged':
    case 'info_requested':
    case 'customer_replied':
    case 'reopened':
      return { type: trigger.on, at };
    // To the customer the complaint was closed and is open again: a reopening.
    case 'closure_withdrawn':
      return { type: 'reopened', at };
    case 'response':
      return { type: 'response', at, responseType: trigger.responseType };
    case 'expected_date':
      return { type: 'expected_date', at, expectedAt: trigger.expectedAt };
    case 'level_raised':
      return { type: 'escalated', at, levelName: trigger.levelName };
    case 'resolved':
    case 'survey_sent':
    case 'closed':
    case 'clock_breached':
    case 'level_notified':
      return null;
  }
}

/**
 * The messages one trigger sends under a policy (`notifications` section): to the customer
 * where the policy lists the message type, to each role of an escalation level where it
 * asks for team messages. `history` is the complaint's steps so far, for a progress update.
 */
export function planDeliveries(trigger: NotificationTrigger, policy: Policy, history: readonly HistoryStep[]): PlannedDelivery[] {
  const rules = policy.notifications.customer;
  const ruleFor = (type: CustomerMessageType) => rules.find((rule) => rule.type === type);
  const toCustomer = (type: CustomerMessageType, facts: Omit<MessageFacts, 'occurredAt'> = {}): PlannedDelivery[] =>
    toCustomerIfListed(type, type, facts);
  /** `type` to the customer when the policy sends them `listed`: itself, or the message it corrects. */
  const toCustomerIfListed = (listed: CustomerMessageType, type: MessageType, facts: Omit<MessageFacts, 'occurredAt'> = {}): PlannedDelivery[] =>
    ruleFor(listed) ? [{ messageType: type, recipient: CUSTOMER, facts: { occurredAt: trigger.at, ...facts } }] : [];
  const withNote = { noteEventId: trigger.eventId };

  switch (trigger.on) {
    case 'received':
      return toCustomer('received', { receivedAt: trigger.receivedAt });
    case 'acknowledged':
      return toCustomer('acknowledged');
    case 'response': {
      const only = ruleFor('response')?.responseTypes;
      return only && !only.includes(trigger.responseType) ? [] : toCustomer('response', { ...withNote, responseType: trigger.responseType });
    }
    case 'info_requested':
      return toCustomer('info_requested', withNote);
    case 'expected_date':
      return toCustomer('expected_date', { ...withNote, expectedAt: trigger.expectedAt });
    case 'resolved':
      // With a survey, the resolution message waits for feedback's survey.sent, to carry its link.
      return policy.survey ? [] : toCustomer('resolved', withNote);
    case 'survey_sent':
      return policy.survey ? toCustomer('resolved', { noteEventId: trigger.resolutionEventId, surveyId: trigger.surveyId }) : [];
    case 'closed':
      return toCustomer('closed', { ...withNote, reason: trigger.reason });
    // Whoever was told of the closure is told it was undone. No note: intake's explains the withdrawal to agents.
    case 'closure_withdrawn':
      return toCustomerIfListed('closed', 'closure_withdrawn');
    case 'clock_breached': {
      const rule = ruleFor('progress_update');
      return rule && (rule.clock ?? 'regular_update') === trigger.metric ? toCustomer('progress_update', { history }) : [];
    }
    case 'level_raised': {
      const levels = ruleFor('escalated')?.levels;
      const level = { level: trigger.level, levelName: trigger.levelName, trigger: trigger.trigger, metric: trigger.metric };
      const customer = levels && !levels.includes(trigger.level) ? [] : toCustomer('escalated', level);
      const teams = policy.notifications.teams.onLevelRaised ? toTeams('team_escalation', trigger, level) : [];
      return [...customer, ...teams];
    }
    case 'level_notified': {
      const isClockAlert = trigger.trigger === 'clock_warning' || trigger.trigger === 'clock_breach';
      const level = { level: trigger.level, levelName: trigger.levelName, trigger: trigger.trigger, metric: trigger.metric };
      return isClockAlert && policy.notifications.teams.onClockAlert ? toTeams('team_alert', trigger, level) : [];
    }
    case 'customer_replied':
    case 'reopened':
      return [];
  }
}

function toTeams(type: MessageType, trigger: NotificationTrigger & LevelFacts, facts: Omit<MessageFacts, 'occurredAt'>): PlannedDelivery[] {
  return [...new Set(trigger.notifies)].map((role) => ({ messageType: type, recipient: { kind: 'team', role }, facts: { occurredAt: trigger.at, ...facts } }));
}
