import { CloseReason, ResponseType } from '@complaints/domain';
import { HistoryStepType } from './message-templates';

/** One step of a complaint's history: facts from its events, never what anyone wrote. */
export interface HistoryStep {
  readonly type: HistoryStepType;
  readonly at: string;
  readonly responseType?: ResponseType;
  readonly expectedAt?: string;
  readonly levelName?: string;
}

/**
 * What a delivery keeps to write its message at each attempt: facts of the events, no
 * personal data. The customer's name, address and the agent's note are fetched from intake
 * at the moment of sending; the survey link from feedback.
 */
export interface MessageFacts {
  /** When the event that called for the message happened. */
  readonly occurredAt: string;
  readonly receivedAt?: string;
  readonly responseType?: ResponseType;
  readonly expectedAt?: string;
  readonly reason?: CloseReason;
  readonly level?: number;
  readonly levelName?: string;
  readonly trigger?: string;
  readonly metric?: string | null;
  readonly surveyId?: string;
  /** The event whose note (the agent's text) the message quotes. */
  readonly noteEventId?: string;
  /** A progress update's summary of what has happened so far. */
  readonly history?: readonly HistoryStep[];
}
