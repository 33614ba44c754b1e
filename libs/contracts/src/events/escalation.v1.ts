import { z } from 'zod';
import { actorSchema } from '../envelope';
import { defineEvent } from '../event-contract';
import { clockIdSchema, policyIdSchema, policyVersionSchema } from '../primitives';
import { STREAMS } from '../streams';

/*
 * What the escalation service decided on a complaint's ladder. Level names and the roles a
 * level notifies come from the policy document, not from a person, so they are no free text.
 */

const levelSchema = z.number().int().positive();
const levelNameSchema = z.string().min(1).max(200);
/** Roles, such as `customer_care_supervisor`; notifications resolves them to recipients. */
const notifiesSchema = z.array(z.string().min(1).max(200)).min(1);
/** The clock whose warning or breach caused the step; null for triggers that are no clock. */
const metricSchema = clockIdSchema.nullable();

export const ESCALATION_TRIGGERS = [
  'clock_breach',
  'clock_warning',
  'manual',
  'dissatisfied_survey',
  'elapsed',
] as const;
export type EscalationTriggerName = (typeof ESCALATION_TRIGGERS)[number];

/** The complaint moved up its policy's ladder. */
export const EscalationLevelRaisedV1 = defineEvent({
  type: 'escalation.level-raised',
  version: 1,
  stream: STREAMS.escalation,
  data: z.strictObject({
    policyId: policyIdSchema,
    policyVersion: policyVersionSchema,
    fromLevel: levelSchema,
    toLevel: levelSchema,
    levelName: levelNameSchema,
    notifies: notifiesSchema,
    trigger: z.enum(ESCALATION_TRIGGERS),
    metric: metricSchema,
    /** The top of the ladder: nothing escalates this complaint further. */
    final: z.boolean(),
  }),
});

/**
 * The complaint moved back down its ladder: the clock breach that raised it was withdrawn by
 * sla (`sla.clock-breach-withdrawn`), so the step it caused is undone. Only that step: levels
 * raised since by other triggers stay.
 */
export const EscalationLevelLoweredV1 = defineEvent({
  type: 'escalation.level-lowered',
  version: 1,
  stream: STREAMS.escalation,
  data: z.strictObject({
    policyId: policyIdSchema,
    policyVersion: policyVersionSchema,
    fromLevel: levelSchema,
    toLevel: levelSchema,
    levelName: levelNameSchema,
    reason: z.literal('breach_withdrawn'),
    /** The clock whose breach was withdrawn. */
    metric: clockIdSchema,
    /** The `escalation.level-raised` this undoes. */
    undoesEventId: z.uuid(),
  }),
});

/** The complaint stays where it is, and the people at its current level are told why. */
export const EscalationLevelNotifiedV1 = defineEvent({
  type: 'escalation.level-notified',
  version: 1,
  stream: STREAMS.escalation,
  data: z.strictObject({
    policyId: policyIdSchema,
    policyVersion: policyVersionSchema,
    level: levelSchema,
    levelName: levelNameSchema,
    notifies: notifiesSchema,
    // Policies without a ladder notify on a breach as well as on a warning; the message differs.
    trigger: z.enum(ESCALATION_TRIGGERS),
    metric: metricSchema,
  }),
});

/** A seller refused to cooperate on a complaint, and the policy says what may be done about it. */
export const EscalationSanctionRecommendedV1 = defineEvent({
  type: 'escalation.sanction-recommended',
  version: 1,
  stream: STREAMS.escalation,
  data: z.strictObject({
    policyId: policyIdSchema,
    policyVersion: policyVersionSchema,
    sellerId: z.string().min(1).max(100),
    sanctions: z.array(z.enum(['restriction', 'termination'])).min(1),
  }),
});

/** A tier as its policy numbers it: 1 is the first, tiers.length the last. */
const tierSchema = z.number().int().positive();

/**
 * A complaint's dispute moved to another tier of its policy (MiT: direct agreement →
 * mediation → legal proceedings). The policy asks for who and why: who is here, why is free
 * text an agent typed, so it stays encrypted in intake's history under the change's event.
 */
export const EscalationDisputeTierChangedV1 = defineEvent({
  type: 'escalation.dispute-tier-changed',
  version: 1,
  stream: STREAMS.escalation,
  data: z.strictObject({
    policyId: policyIdSchema,
    policyVersion: policyVersionSchema,
    /** Null when the complaint had no dispute tier before. */
    fromTier: tierSchema.nullable(),
    toTier: tierSchema,
    tierName: z.string().min(1).max(200),
    /** The last tier: the dispute can go no further. */
    final: z.boolean(),
    /** Whoever changed the tier, as the event that recorded the change names them. */
    changedBy: actorSchema,
  }),
});

export const ESCALATION_EVENTS = [
  EscalationLevelRaisedV1,
  EscalationLevelLoweredV1,
  EscalationLevelNotifiedV1,
  EscalationSanctionRecommendedV1,
  EscalationDisputeTierChangedV1,
] as const;
