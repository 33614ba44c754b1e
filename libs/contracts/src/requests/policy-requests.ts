import { z } from 'zod';
import { principalSchema } from '../principal';
import { isoInstantSchema, policyIdSchema, policyVersionSchema } from '../primitives';
import { defineRequest } from './request-contract';

/** A policy document or complaint facts travel as plain JSON; intake validates them with `@complaints/policy`. */
const jsonObject = z.record(z.string(), z.unknown());

export const policySummarySchema = z.strictObject({
  id: z.string(),
  name: z.string(),
  latestVersion: z.number().int(),
  versions: z.array(z.strictObject({ version: z.number().int(), effectiveFrom: z.string() })),
  builtIn: z.boolean(),
});
export type PolicySummaryView = z.infer<typeof policySummarySchema>;

export const listPoliciesRequestSchema = z.strictObject({ principal: principalSchema });
export type ListPoliciesRequest = z.infer<typeof listPoliciesRequestSchema>;
export const policyListSchema = z.strictObject({ items: z.array(policySummarySchema) });
export type PolicyListView = z.infer<typeof policyListSchema>;

export const getPolicyRequestSchema = z.strictObject({
  principal: principalSchema,
  policyId: policyIdSchema,
  /** Absent: the latest version. */
  version: policyVersionSchema.optional(),
});
export type GetPolicyRequest = z.infer<typeof getPolicyRequestSchema>;

export const publishPolicyRequestSchema = z.strictObject({ principal: principalSchema, document: jsonObject });
export type PublishPolicyRequest = z.infer<typeof publishPolicyRequestSchema>;
export const publishedPolicySchema = z.strictObject({
  /** `unchanged`: the identical document was already published (a safe retry). */
  outcome: z.enum(['published', 'unchanged']),
  policy: jsonObject,
});
export type PublishedPolicyView = z.infer<typeof publishedPolicySchema>;

/** Which policy a question is about: a published one (`policyId`, optional `version`) or a whole draft document (`policy`). */
const policySubjectSchema = z.union([
  z.strictObject({ policyId: policyIdSchema, version: policyVersionSchema.optional() }),
  z.strictObject({ policy: jsonObject }),
]);
export type PolicySubject = z.infer<typeof policySubjectSchema>;

/** Every clock's deadline for a complaint as if received with these facts; nothing is stored. */
export const simulatePolicyRequestSchema = z.strictObject({
  principal: principalSchema,
  subject: policySubjectSchema,
  facts: jsonObject,
});
export type SimulatePolicyRequest = z.infer<typeof simulatePolicyRequestSchema>;

const plannedClockSchema = z.strictObject({
  metric: z.string(),
  status: z.enum(['running', 'paused', 'pending']),
  anchor: z.string(),
  target: jsonObject,
  /** Which span of a recurring clock (`restartsOn`) counts now, from 1; null while pending. */
  span: z.number().int().positive().nullable(),
  startedAt: z.string().nullable(),
  dueAt: z.string().nullable(),
  warnAt: z.string().nullable(),
  remainingMs: z.number().nullable(),
  pausesWhile: z.array(z.string()),
  stopsOn: z.array(z.string()),
  restartsOn: z.array(z.string()),
  expectedDateApplied: z.boolean(),
  defaulted: z.boolean(),
  explanation: z.string(),
  steps: z.array(z.string()),
});

export const clockPlanSchema = z.strictObject({
  policyId: policyIdSchema,
  version: z.number().int(),
  zone: z.string(),
  calendar: z.string(),
  clocks: z.array(plannedClockSchema),
});
export type ClockPlanView = z.infer<typeof clockPlanSchema>;

/**
 * The business time of a policy's calendar between two instants. Without a `version`, the
 * version in force at `from` (as a complaint received then would follow).
 */
export const businessTimeRequestSchema = z.strictObject({
  principal: principalSchema,
  subject: policySubjectSchema,
  from: isoInstantSchema,
  to: isoInstantSchema,
});
export type BusinessTimeRequest = z.infer<typeof businessTimeRequestSchema>;

export const businessTimeSchema = z.strictObject({
  policyId: policyIdSchema,
  version: z.number().int(),
  /** The two instants in the policy's zone offset. */
  from: z.string(),
  to: z.string(),
  /** Open time inside [from, to); 0 when `to` is not after `from`. */
  businessSeconds: z.number().nonnegative(),
  explanation: z.string(),
});
export type BusinessTimeView = z.infer<typeof businessTimeSchema>;

/** The policy registry, answered by intake over request-reply. */
export const PolicyRequests = {
  listPolicies: defineRequest({ pattern: 'intake.policies.list', request: listPoliciesRequestSchema, reply: policyListSchema }),
  getPolicy: defineRequest({ pattern: 'intake.policies.get', request: getPolicyRequestSchema, reply: jsonObject }),
  publishPolicy: defineRequest({
    pattern: 'intake.policies.publish',
    request: publishPolicyRequestSchema,
    reply: publishedPolicySchema,
  }),
  simulatePolicy: defineRequest({ pattern: 'intake.policies.simulate', request: simulatePolicyRequestSchema, reply: clockPlanSchema }),
  businessTime: defineRequest({ pattern: 'intake.policies.business-time', request: businessTimeRequestSchema, reply: businessTimeSchema }),
};
