import { z } from 'zod';
import { principalSchema } from '../principal';
import { complaintReferenceSchema, isoInstantSchema, policyIdSchema, policyVersionSchema } from '../primitives';
import { defineRequest } from './request-contract';

/** The languages the survey page speaks; any other customer locale falls back (customer → policy → en). */
export const SURVEY_PAGE_LOCALES = ['en', 'fr', 'vi'] as const;
export type SurveyPageLocale = (typeof SURVEY_PAGE_LOCALES)[number];

/** The most a respondent may write; the page says so and the gateway refuses more. */
export const SURVEY_COMMENT_MAX_LENGTH = 2000;

/**
 * A survey link's token as the customer's browser sends it. Only feedback can tell a real one
 * from a forged one; this bounds what reaches it.
 */
const surveyTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{16,128}$/, 'must be a survey link token');

/**
 * The survey link of one survey, for the message that carries it to the customer. Feedback
 * derives it again on each request, so the token is stored nowhere and travels in no event.
 */
export const getSurveyLinkRequestSchema = z.strictObject({ surveyId: z.uuid() });
export type GetSurveyLinkRequest = z.infer<typeof getSurveyLinkRequestSchema>;

export const surveyLinkSchema = z.strictObject({
  surveyId: z.uuid(),
  /** `PUBLIC_BASE_URL` + `/surveys/<token>`. */
  url: z.url(),
  expiresAt: isoInstantSchema.nullable(),
});
export type SurveyLink = z.infer<typeof surveyLinkSchema>;

const surveyScaleSchema = z.strictObject({ min: z.number().int(), max: z.number().int() });

/** What the public page shows for a token. Another token than a live one's says nothing more than `unavailable`. */
export const openSurveyRequestSchema = z.strictObject({ token: surveyTokenSchema });
export type OpenSurveyRequest = z.infer<typeof openSurveyRequestSchema>;

const surveyHeadingSchema = {
  /** The page's language, from the customer's locale, then the policy's, then English. */
  locale: z.enum(SURVEY_PAGE_LOCALES),
  organisationName: z.string().min(1).max(200),
  reference: complaintReferenceSchema,
};

export const surveyPageSchema = z.discriminatedUnion('status', [
  z.strictObject({ status: z.literal('open'), ...surveyHeadingSchema, scale: surveyScaleSchema }),
  z.strictObject({ status: z.literal('answered'), ...surveyHeadingSchema }),
  /** Expired, unknown or forged: the same answer for all three. The locale is the survey's when the token was genuine. */
  z.strictObject({ status: z.literal('unavailable'), locale: z.enum(SURVEY_PAGE_LOCALES).nullable() }),
]);
export type SurveyPage = z.infer<typeof surveyPageSchema>;

/** The respondent's answer, already checked by the gateway against the scale it showed. */
export const answerSurveyRequestSchema = z.strictObject({
  token: surveyTokenSchema,
  score: z.number().int(),
  comment: z.string().max(SURVEY_COMMENT_MAX_LENGTH).nullable(),
});
export type AnswerSurveyRequest = z.infer<typeof answerSurveyRequestSchema>;

/** `recorded`: this answer counts. `answered`: an earlier one did; nothing changed. */
export const surveyAnswerOutcomeSchema = z.strictObject({
  status: z.enum(['recorded', 'answered', 'unavailable']),
  locale: z.enum(SURVEY_PAGE_LOCALES).nullable(),
});
export type SurveyAnswerOutcome = z.infer<typeof surveyAnswerOutcomeSchema>;

export const SURVEY_STATS_GROUPS = ['day', 'week', 'month'] as const;

export const getSurveyStatsRequestSchema = z.strictObject({
  principal: principalSchema,
  policyId: policyIdSchema,
  from: isoInstantSchema,
  to: isoInstantSchema,
  groupBy: z.enum(SURVEY_STATS_GROUPS),
});
export type GetSurveyStatsRequest = z.infer<typeof getSurveyStatsRequestSchema>;

const surveyCountsSchema = z.strictObject({
  /** Surveys sent in the period. */
  sent: z.number().int().min(0),
  /** Of those, the ones answered. */
  answered: z.number().int().min(0),
  /** answered / sent; null when none was sent. */
  responseRate: z.number().min(0).max(1).nullable(),
  /** Satisfied answers / answers; null when none was answered. */
  csat: z.number().min(0).max(1).nullable(),
  /** How many answers gave each score, every score of the scale listed. */
  distribution: z.array(z.strictObject({ score: z.number().int(), count: z.number().int().min(0) })),
});

export const surveyStatsSchema = z.strictObject({
  policyId: policyIdSchema,
  from: isoInstantSchema,
  to: isoInstantSchema,
  groupBy: z.enum(SURVEY_STATS_GROUPS),
  total: surveyCountsSchema,
  /** One per day, ISO week (from Monday) or month in UTC that had a survey sent, oldest first. */
  periods: z.array(surveyCountsSchema.extend({ start: isoInstantSchema })),
});
export type SurveyStats = z.infer<typeof surveyStatsSchema>;

export const listComplaintSurveysRequestSchema = z.strictObject({ principal: principalSchema, complaintId: z.uuid() });
export type ListComplaintSurveysRequest = z.infer<typeof listComplaintSurveysRequestSchema>;

export const complaintSurveySchema = z.strictObject({
  surveyId: z.uuid(),
  policyId: policyIdSchema,
  policyVersion: policyVersionSchema,
  /** `superseded`: the complaint was resolved again and that resolution's survey replaced this one. */
  status: z.enum(['open', 'answered', 'expired', 'superseded']),
  sentAt: isoInstantSchema,
  expiresAt: isoInstantSchema.nullable(),
  answeredAt: isoInstantSchema.nullable(),
  score: z.number().int().nullable(),
  verdict: z.enum(['satisfied', 'neutral', 'dissatisfied']).nullable(),
  /** The respondent's words, for agents and admins only (absent for other roles); null when none. */
  comment: z.string().nullable().optional(),
});
export type ComplaintSurvey = z.infer<typeof complaintSurveySchema>;

export const complaintSurveysSchema = z.strictObject({ complaintId: z.uuid(), surveys: z.array(complaintSurveySchema) });
export type ComplaintSurveys = z.infer<typeof complaintSurveysSchema>;

/** What feedback answers over request-reply. */
export const FeedbackRequests = {
  getSurveyLink: defineRequest({ pattern: 'feedback.surveys.link', request: getSurveyLinkRequestSchema, reply: surveyLinkSchema }),
  openSurvey: defineRequest({ pattern: 'feedback.surveys.open', request: openSurveyRequestSchema, reply: surveyPageSchema }),
  answerSurvey: defineRequest({ pattern: 'feedback.surveys.answer', request: answerSurveyRequestSchema, reply: surveyAnswerOutcomeSchema }),
  getSurveyStats: defineRequest({ pattern: 'feedback.surveys.stats', request: getSurveyStatsRequestSchema, reply: surveyStatsSchema }),
  listComplaintSurveys: defineRequest({
    pattern: 'feedback.surveys.list',
    request: listComplaintSurveysRequestSchema,
    reply: complaintSurveysSchema,
  }),
};
