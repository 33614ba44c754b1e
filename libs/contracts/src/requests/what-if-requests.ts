import { z } from 'zod';
import { principalSchema } from '../principal';
import { isoInstantSchema, policyIdSchema, policyVersionSchema } from '../primitives';
import { defineRequest } from './request-contract';

/** A policy document travels as plain JSON; sla validates it with `@complaints/policy`. */
const jsonObject = z.record(z.string(), z.unknown());

/**
 * What a clock came to, or would have: `met` and `breached` as sla decides them, `running`
 * (started and neither stopped nor due yet, paused included), `pending` (never started),
 * `cancelled` (ended without a verdict: the complaint closed first, or changed kind) and
 * `absent` (the policy has no such clock for the complaint).
 */
export const WHAT_IF_OUTCOMES = ['met', 'breached', 'running', 'pending', 'cancelled', 'absent'] as const;
export type WhatIfOutcome = (typeof WHAT_IF_OUTCOMES)[number];

/** The draft to replay under: a whole document, or a published version by id and version. */
const whatIfSubjectSchema = z.union([
  z.strictObject({ policyId: policyIdSchema, version: policyVersionSchema }),
  z.strictObject({ policy: jsonObject }),
]);
export type WhatIfSubject = z.infer<typeof whatIfSubjectSchema>;

/**
 * Replays the complaints of the subject's policy received in `[from, to)` under the subject.
 * The bounds (a window of at most 90 days, at most 100,000 complaints a page) are sla's to
 * judge, so a request past them is a 422 naming the field whoever sends it.
 */
export const whatIfRequestSchema = z.strictObject({
  principal: principalSchema,
  subject: whatIfSubjectSchema,
  from: isoInstantSchema,
  to: isoInstantSchema,
  /** Where the previous page stopped (its `nextCursor`). */
  cursor: z.string().optional(),
  /** How many complaints this page replays. */
  limit: z.number().int().positive().optional(),
});
export type WhatIfRequest = z.infer<typeof whatIfRequestSchema>;

const outcomeCountsSchema = z.strictObject(
  Object.fromEntries(WHAT_IF_OUTCOMES.map((outcome) => [outcome, z.number().int().nonnegative()])) as Record<
    WhatIfOutcome,
    z.ZodNumber
  >,
);
export type WhatIfOutcomeCounts = z.infer<typeof outcomeCountsSchema>;

export const whatIfMetricSchema = z.strictObject({
  metric: z.string(),
  actual: outcomeCountsSchema,
  wouldBe: outcomeCountsSchema,
  /** Clocks whose would-be outcome differs from the actual one. */
  flipped: z.number().int().nonnegative(),
});

export const whatIfFlipSchema = z.strictObject({
  complaintId: z.uuid(),
  metric: z.string(),
  actual: z.enum(WHAT_IF_OUTCOMES),
  wouldBe: z.enum(WHAT_IF_OUTCOMES),
  /** The stored clock's instants; null when it has none (or no clock). */
  actualDueAt: isoInstantSchema.nullable(),
  actualMetAt: isoInstantSchema.nullable(),
  /** The draft's deadline for the same facts; null while it has none. */
  wouldBeDueAt: isoInstantSchema.nullable(),
});
export type WhatIfFlip = z.infer<typeof whatIfFlipSchema>;

export const whatIfResultSchema = z.strictObject({
  policyId: policyIdSchema,
  /** The draft's version, as its document says. */
  version: z.number().int(),
  from: isoInstantSchema,
  to: isoInstantSchema,
  /** The instant a clock neither stopped nor due is judged at; the same on every page of one replay. */
  evaluatedAt: isoInstantSchema,
  /** Complaints replayed in this page: the counts below are theirs. */
  complaints: z.number().int().nonnegative(),
  metrics: z.array(whatIfMetricSchema),
  flips: z.array(whatIfFlipSchema),
  /** Null on the last page. */
  nextCursor: z.string().nullable(),
});
export type WhatIfResult = z.infer<typeof whatIfResultSchema>;

/** What-if replays, answered by sla, which keeps every complaint's facts and clocks. */
export const WhatIfRequests = {
  replay: defineRequest({
    pattern: 'sla.policies.what-if',
    request: whatIfRequestSchema,
    reply: whatIfResultSchema,
  }),
};
