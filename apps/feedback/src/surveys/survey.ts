import { SurveyPageLocale } from '@complaints/contracts';
import { SealedValue } from '@complaints/persistence';
import { EntityManager } from '@mikro-orm/postgresql';
import { SurveyVerdict } from './survey-verdict';
import { StatsGrouping, SurveyTally } from './survey-stats';

/** `superseded`: a later resolution of the complaint has its own survey; this one is over. */
export type SurveyStatus = 'open' | 'answered' | 'expired' | 'superseded';

/** A satisfaction survey on one resolution of a complaint. */
export interface Survey {
  readonly surveyId: string;
  readonly complaintId: string;
  readonly resolutionEventId: string;
  /** When the resolution happened: the latest resolution's survey is the one that counts. */
  readonly resolvedAt: Date;
  readonly organisationId: string | null;
  readonly policyId: string;
  readonly policyVersion: number;
  readonly reference: string;
  readonly locale: SurveyPageLocale;
  readonly scale: { readonly min: number; readonly max: number };
  readonly sentAt: Date;
  /** Null when the policy sets no window. */
  readonly expiresAt: Date | null;
  readonly status: SurveyStatus;
  readonly answeredAt: Date | null;
  readonly score: number | null;
  readonly verdict: SurveyVerdict | null;
  readonly comment: SealedValue | null;
}

export interface SurveyAnswer {
  readonly answeredAt: Date;
  readonly score: number;
  readonly verdict: SurveyVerdict;
  readonly comment: SealedValue | null;
}

export interface StatsQuery {
  readonly policyId: string;
  /** Null: every organisation (the platform's operators). */
  readonly organisationId: string | null;
  readonly from: Date;
  readonly to: Date;
  readonly groupBy: StatsGrouping;
}

/** What the use cases need from storage; `tx` is the caller's transaction or a forked manager. */
export interface SurveyRepository {
  /** Holds the complaint's surveys against other resolutions of it until the transaction ends. */
  lockComplaint(tx: EntityManager, complaintId: string): Promise<void>;
  /** Whether the complaint has a survey of a resolution that happened after `resolvedAt`. */
  hasLaterResolution(tx: EntityManager, complaintId: string, resolvedAt: Date): Promise<boolean>;
  /** False when the resolution already has its survey (a redelivered or replayed resolution). */
  create(tx: EntityManager, survey: Survey): Promise<boolean>;
  /** Ends the open surveys of the complaint's resolutions that happened before `resolvedAt`. */
  supersedeEarlier(tx: EntityManager, complaintId: string, resolvedAt: Date, at: Date): Promise<void>;
  find(tx: EntityManager, surveyId: string): Promise<Survey | undefined>;
  /** The survey, locked until the transaction ends, so two answers never both count. */
  lock(tx: EntityManager, surveyId: string): Promise<Survey | undefined>;
  recordAnswer(tx: EntityManager, surveyId: string, answer: SurveyAnswer): Promise<void>;
  /** Open surveys whose window ended by `now`, locked; those another replica holds are skipped. */
  lockExpiring(tx: EntityManager, now: Date, limit: number): Promise<Survey[]>;
  markExpired(tx: EntityManager, surveyId: string, expiredAt: Date): Promise<void>;
  ofComplaint(tx: EntityManager, complaintId: string): Promise<Survey[]>;
  /** Deletes the respondents' comments on the complaint's surveys; the scores and verdicts stay. */
  eraseComments(tx: EntityManager, complaintId: string): Promise<void>;
  tallies(tx: EntityManager, query: StatsQuery): Promise<SurveyTally[]>;
}

export const SURVEY_REPOSITORY = Symbol('SurveyRepository');
