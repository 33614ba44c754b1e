import { z } from 'zod';
import { defineEvent } from '../event-contract';
import { isoInstantSchema, policyIdSchema, policyVersionSchema } from '../primitives';
import { STREAMS } from '../streams';

/*
 * What the feedback service learns from a satisfaction survey. The envelope names the
 * complaint surveyed. A respondent's comment is free text and stays in feedback.
 */

const scaleSchema = z.strictObject({ min: z.number().int(), max: z.number().int() });

/**
 * Feedback opened a satisfaction survey on a resolved complaint and the customer is to be
 * asked. Its link is never in an event: notifications asks feedback for it
 * (`FeedbackRequests.getSurveyLink`) at the moment it sends the resolution message.
 */
export const SurveySentV1 = defineEvent({
  type: 'survey.sent',
  version: 1,
  stream: STREAMS.surveys,
  data: z.strictObject({
    policyId: policyIdSchema,
    policyVersion: policyVersionSchema,
    surveyId: z.uuid(),
    /** The `complaint.resolved` event the survey asks about: one survey per resolution. */
    resolutionEventId: z.uuid(),
    sentAt: isoInstantSchema,
    /** The end of the policy's `survey_window`; null when the policy sets no window. */
    expiresAt: isoInstantSchema.nullable(),
  }),
});

/** The survey's window closed without an answer; the policy's `onNoAnswer` says what follows. */
export const SurveyExpiredV1 = defineEvent({
  type: 'survey.expired',
  version: 1,
  stream: STREAMS.surveys,
  data: z.strictObject({
    policyId: policyIdSchema,
    policyVersion: policyVersionSchema,
    surveyId: z.uuid(),
    expiredAt: isoInstantSchema,
  }),
});

/** A customer answered the satisfaction survey sent about a complaint. */
export const SurveyAnsweredV1 = defineEvent({
  type: 'survey.answered',
  version: 1,
  stream: STREAMS.surveys,
  data: z
    .strictObject({
      policyId: policyIdSchema,
      policyVersion: policyVersionSchema,
      surveyId: z.uuid(),
      score: z.number().int(),
      /** The scale the customer answered on, so a score reads the same after the policy changes. */
      scale: scaleSchema,
      /**
       * Judged by feedback against the policy's `survey.dissatisfiedAtOrBelow`, so every
       * consumer acts on the same verdict rather than each re-reading the threshold.
       */
      dissatisfied: z.boolean(),
      /**
       * Judged by feedback against `survey.satisfiedAtOrAbove`. A score between the two
       * thresholds is neither satisfied nor dissatisfied: it closes and reopens nothing.
       */
      satisfied: z.boolean(),
      answeredAt: isoInstantSchema,
    })
    .refine(({ score, scale }) => scale.min < scale.max && score >= scale.min && score <= scale.max, {
      path: ['score'],
      message: 'must be on the scale, which runs from min up to a greater max',
    })
    .refine(({ satisfied, dissatisfied }) => !(satisfied && dissatisfied), {
      path: ['satisfied'],
      message: 'an answer cannot be both satisfied and dissatisfied',
    }),
});

export const SURVEY_EVENTS = [SurveySentV1, SurveyAnsweredV1, SurveyExpiredV1] as const;
