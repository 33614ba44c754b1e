// The only public entry of @complaints/policy.
export * from './policy-errors';

export * from './schema/policy-vocabulary';
export type { CalendarSpec } from './schema/calendar.schema';
export type { ClockSpec, ClockTarget } from './schema/clock.schema';
export type { EscalationSpec } from './schema/escalation.schema';
export type { CustomerMessageRule, NotificationsSpec } from './schema/notifications.schema';
export {
  policyDocumentSchema,
  type PolicyDocument,
  type PolicyDocumentInput,
} from './schema/policy-document.schema';
export { policyDocumentJsonSchema } from './schema/policy-json-schema';
export {
  formatIssuePath,
  parsePolicyDocument,
  validatePolicyDocument,
  type PolicyValidationResult,
} from './schema/validate-policy-document';

export { BusinessCalendar, type InstantInput } from './calendar/business-calendar';
export type { DayOpening } from './calendar/day-openings';
export type { OpenSegment } from './calendar/business-timeline';
export {
  FIRST_SUPPORTED_YEAR,
  LAST_SUPPORTED_YEAR,
  SEARCH_HORIZON_YEARS,
} from './calendar/business-timeline';
export { addTarget, addWallClock, timeKindOf, type TimeKind } from './calendar/add-target';
export { holidayRegionProblem, publicHolidays } from './calendar/holiday-source';
export { businessTimeBetween, type MeasuredBusinessTime } from './measuring/business-time-between';
export { businessMillisOutsidePauses } from './measuring/business-time-outside-pauses';
export { clockPauses } from './planning/plan-clock';
export {
  DEFAULT_PERSONAL_DATA_RETENTION,
  latestClosureRetentionMayHaveEnded,
  personalDataRetention,
  personalDataRetentionEndsAt,
} from './measuring/personal-data-retention';
export { describeCalendar } from './text/describe-calendar';
export { describeTarget, formatDuration, formatLocalWithOffset, toZonedIso } from './text/time-text';

export {
  clockFactsSchema,
  parseClockFacts,
  type ClockFacts,
  type ClockFactsInput,
  type Pause,
  type SeenClockEvent,
} from './planning/clock-facts';
export {
  clockPlanToJson,
  explanationOf,
  type ClockPlan,
  type ClockPlanJson,
  type PlannedClock,
  type PlannedClockJson,
  type PlannedClockStatus,
} from './planning/clock-plan';
export { applicableClocks, planClocks, planClocksForFacts } from './planning/plan-clocks';
export { applyPauses, mergePauses, type PausedInstant } from './planning/apply-pauses';

export { PolicyRegistry, type PolicySummary, type PublishOutcome } from './registry/policy-registry';
export { versionInForce } from './registry/version-in-force';
export { canonicalJson } from './registry/canonical-json';
export { policyDigest } from './registry/policy-digest';

export {
  BUILT_IN_POLICY_IDS,
  builtInPolicies,
  builtInPolicy,
  type BuiltInPolicyId,
} from './seeds/built-in-policies';
export { loadPolicyFile, parsePolicyYaml } from './seeds/policy-file';
