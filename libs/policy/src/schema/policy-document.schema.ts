import { localeSchema, organisationIdSchema, policyIdSchema } from '@complaints/contracts';
import { CHANNELS, CLOSE_REASONS, COMPLAINT_KINDS } from '@complaints/domain';
import { z } from 'zod';
import { calendarSchema } from './calendar.schema';
import { clockSchema } from './clock.schema';
import { escalationSchema } from './escalation.schema';
import { notificationsSchema } from './notifications.schema';
import { checkPolicyConsistency } from './policy-consistency';
import { CLOCK_IDS } from './policy-vocabulary';
import { annotationFields, isoInstantSchema } from './schema-primitives';

const sourceSchema = z.strictObject({
  kind: z.enum(['seed', 'regulatory_profile', 'custom']),
  organisation: z.string().min(1).optional(),
  file: z.string().min(1).optional(),
  language: z.string().min(2).optional(),
  disclaimer: z.string().min(1).optional(),
});

const intakeSchema = z.strictObject({
  kinds: z.array(z.enum(COMPLAINT_KINDS)).min(1),
  channels: z.array(z.enum(CHANNELS)).min(1),
  referenceNumber: z
    .boolean()
    .default(true)
    .meta({ description: 'a reference number is issued and shown at intake' }),
  acceptsOutsideHours: z.boolean().default(true).meta({ description: 'complaints are accepted at any time' }),
  inquiryUpgrade: z
    .strictObject({ keepsOriginalReceipt: z.boolean(), ...annotationFields })
    .optional()
    .meta({ description: 'an inquiry can be upgraded to a formal complaint' }),
  ...annotationFields,
});

const surveySchema = z
  .strictObject({
    sendOn: z.enum(['resolved']),
    channel: z.enum(CHANNELS),
    scale: z.strictObject({ min: z.number().int(), max: z.number().int() }).default({ min: 1, max: 5 }),
    dissatisfiedAtOrBelow: z.number().int(),
    satisfiedAtOrAbove: z
      .number()
      .int()
      .default(4)
      .meta({
        description:
          'scores at or above it are satisfied (the complaint is confirmed closed); a score between the two thresholds is neither, and leaves the complaint resolved for an agent',
      }),
    onDissatisfied: z.enum(['reopen_and_escalate', 'reopen', 'escalate', 'record_only']),
    onNoAnswer: z.enum(['close_no_response', 'keep_resolved']),
    ...annotationFields,
  })
  .meta({ description: 'satisfaction survey; its answer window is the survey_window clock, if any' });

const closureRuleSchema = z.strictObject({
  clock: z.enum(CLOCK_IDS),
  closeAs: z.enum(CLOSE_REASONS),
  mode: z.enum(['may_close', 'auto_close']),
  ...annotationFields,
});

const thirdPartySchema = z.strictObject({
  allowed: z.boolean(),
  requiresWrittenAuthorisation: z.boolean(),
  ...annotationFields,
});

const disputesSchema = z.strictObject({
  tiers: z.array(z.strictObject({ tier: z.number().int().positive(), name: z.string().min(1) })).min(1),
  recordActorAndReason: z.boolean().default(true),
  ...annotationFields,
});

const retentionSchema = z
  .strictObject({
    minimum: z.strictObject({
      amount: z.number().int().positive(),
      // Seconds to hours are for trying retention out on a runtime policy; records are kept for years.
      unit: z.enum(['seconds', 'minutes', 'hours', 'days', 'months', 'years']),
    }),
    ...annotationFields,
  })
  .meta({
    description:
      "how long a closed complaint's records are kept: once it has passed since closure, the customer's personal data is erased unless a legal hold applies",
  });

const resolutionNoticeSchema = z.strictObject({
  channels: z.array(z.enum(CHANNELS)).min(1),
  asksSatisfaction: z.boolean().default(false),
  ...annotationFields,
});

const sellersSchema = z.strictObject({
  onNonCooperation: z.enum(['recommend_sanction']),
  sanctions: z.array(z.enum(['restriction', 'termination'])).min(1),
  ...annotationFields,
});

const privacySchema = z.strictObject({
  dataMinimisation: z.boolean(),
  notes: z.array(z.string().min(1)).default([]),
});

/** One version of a complaint-handling policy, as data. */
export const policyDocumentSchema = z
  .strictObject({
    id: policyIdSchema,
    version: z.number().int().positive(),
    organisationId: organisationIdSchema.optional().meta({
      description:
        'the organisation whose policy this is: only its people see it and its complaints. Absent: a template (a regulatory profile) that an organisation adopts by publishing a copy of its own',
    }),
    effectiveFrom: isoInstantSchema.meta({
      description: 'complaints received from this instant use this version',
    }),
    name: z.string().min(1),
    description: z.string().min(1).optional(),
    locales: z.array(localeSchema).min(1),
    source: sourceSchema.optional(),
    intake: intakeSchema,
    calendar: calendarSchema,
    clocks: z.array(clockSchema).min(1),
    escalation: escalationSchema,
    survey: surveySchema.optional(),
    closure: z.array(closureRuleSchema).default([]),
    thirdParty: thirdPartySchema.optional(),
    disputes: disputesSchema.optional(),
    retention: retentionSchema.optional(),
    resolutionNotice: resolutionNoticeSchema.optional(),
    sellers: sellersSchema.optional(),
    privacy: privacySchema.optional(),
    // A policy silent on messages sends the basics; each is marked a default an operator may change.
    notifications: notificationsSchema.prefault({ defaulted: true }),
  })
  .superRefine(checkPolicyConsistency);

export type PolicyDocument = z.output<typeof policyDocumentSchema>;
/** A policy document as written (defaults not yet applied). */
export type PolicyDocumentInput = z.input<typeof policyDocumentSchema>;
