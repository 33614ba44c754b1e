import { z } from 'zod';
import { isoInstantSchema } from '../primitives';
import { defineRequest } from './request-contract';

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

/** What feedback answers over request-reply. */
export const FeedbackRequests = {
  getSurveyLink: defineRequest({ pattern: 'feedback.surveys.link', request: getSurveyLinkRequestSchema, reply: surveyLinkSchema }),
};
