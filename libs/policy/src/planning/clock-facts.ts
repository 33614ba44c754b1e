import { CHANNELS, COMPLAINT_KINDS, type Channel, type ComplaintKind } from '@complaints/domain';
import { z } from 'zod';
import { InvalidClockFactsError, type PolicyIssue } from '../policy-errors';
import { CLOCK_EVENTS, type ClockEvent, PAUSE_REASONS, type PauseReason } from '../schema/policy-vocabulary';
import { isIsoInstant, isoDateSchema, isoInstantSchema } from '../schema/schema-primitives';
import { toPolicyIssues } from '../schema/validate-policy-document';

const instantSchema = z.union([
  z.date().refine((date) => Number.isFinite(date.getTime()), { error: 'must be a valid date' }),
  isoInstantSchema,
]);

/** What the planner needs to know about a complaint. Instants are Dates or ISO strings with an offset. */
export const clockFactsSchema = z.strictObject({
  kind: z.enum(COMPLAINT_KINDS),
  channel: z.enum(CHANNELS),
  category: z.string().min(1).optional(),
  receivedAt: instantSchema,
  firstContactAt: instantSchema.optional(),
  upgradedAt: instantSchema.optional(),
  thirdParty: z.boolean().optional(),
  authorisationVerifiedAt: instantSchema.optional(),
  informationRequestedAt: instantSchema.optional(),
  surveySentAt: instantSchema.optional(),
  pauses: z
    .array(
      z.strictObject({
        from: instantSchema,
        to: instantSchema.optional(),
        reason: z.enum(PAUSE_REASONS).default('awaiting_customer'),
      }),
    )
    .default([]),
  expectedDate: z
    .union([instantSchema, isoDateSchema])
    .optional()
    .meta({ description: 'an instant, or a local date meaning close of business that day' }),
  events: z
    .array(z.strictObject({ event: z.enum(CLOCK_EVENTS), at: instantSchema }))
    .default([])
    .meta({
      description:
        'clock events seen on the complaint, e.g. update_sent, which starts a new span of a recurring clock',
    }),
});

export type ClockFactsInput = z.input<typeof clockFactsSchema>;

export interface Pause {
  readonly from: number;
  /** Absent while the pause is still going on. */
  readonly to?: number;
  readonly reason: PauseReason;
}

/** A policy clock event that happened to the complaint, and when. */
export interface SeenClockEvent {
  readonly event: ClockEvent;
  readonly at: number;
}

/** Facts with every instant as epoch ms, checked for order. */
export interface ClockFacts {
  readonly kind: ComplaintKind;
  readonly channel: Channel;
  readonly category?: string;
  readonly receivedAt: number;
  readonly firstContactAt?: number;
  readonly upgradedAt?: number;
  readonly thirdParty: boolean;
  readonly authorisationVerifiedAt?: number;
  readonly informationRequestedAt?: number;
  readonly surveySentAt?: number;
  readonly pauses: readonly Pause[];
  /** Either an instant (epoch ms) or a local ISO date. */
  readonly expectedDate?: number | string;
  /** Earliest first. */
  readonly events: readonly SeenClockEvent[];
}

function millis(value: Date | string): number;
function millis(value: Date | string | undefined): number | undefined;
function millis(value: Date | string | undefined): number | undefined {
  if (value === undefined) return undefined;
  return typeof value === 'string' ? Date.parse(value) : value.getTime();
}

function checkOrder(facts: ClockFacts): PolicyIssue[] {
  const issues: PolicyIssue[] = [];
  const notBeforeReceipt = [
    'upgradedAt',
    'authorisationVerifiedAt',
    'informationRequestedAt',
    'surveySentAt',
  ] as const;
  for (const field of notBeforeReceipt) {
    const at = facts[field];
    if (at !== undefined && at < facts.receivedAt)
      issues.push({ path: field, message: 'must not be before receivedAt' });
  }
  facts.events.forEach((seen, index) => {
    if (seen.at < facts.receivedAt)
      issues.push({ path: `events[${index}].at`, message: 'must not be before receivedAt' });
  });
  if (facts.upgradedAt !== undefined && facts.kind === 'inquiry') {
    issues.push({ path: 'upgradedAt', message: 'an upgraded inquiry is a complaint: set kind to complaint' });
  }
  const sorted = facts.pauses
    .map((pause, index) => ({ pause, index }))
    .sort((a, b) => a.pause.from - b.pause.from);
  sorted.forEach(({ pause, index }, position) => {
    if (pause.to !== undefined && pause.to <= pause.from) {
      issues.push({ path: `pauses[${index}].to`, message: 'must be after from' });
    }
    const next = sorted[position + 1];
    if (next && (pause.to === undefined || next.pause.from < pause.to)) {
      issues.push({
        path: `pauses[${next.index}]`,
        message: `overlaps pauses[${index}]${pause.to === undefined ? ', which has not ended' : ''}`,
      });
    }
  });
  return issues;
}

/** Validated facts, or an `InvalidClockFactsError` naming every problem. */
export function parseClockFacts(input: unknown): ClockFacts {
  const result = clockFactsSchema.safeParse(input);
  if (!result.success) throw new InvalidClockFactsError(toPolicyIssues(result.error));
  const raw = result.data;
  const expected = raw.expectedDate;
  const pauses = raw.pauses.map((pause) => ({
    from: millis(pause.from),
    to: millis(pause.to),
    reason: pause.reason,
  }));
  const facts: ClockFacts = {
    kind: raw.kind,
    channel: raw.channel,
    category: raw.category,
    receivedAt: millis(raw.receivedAt),
    firstContactAt: millis(raw.firstContactAt),
    upgradedAt: millis(raw.upgradedAt),
    thirdParty: raw.thirdParty ?? false,
    authorisationVerifiedAt: millis(raw.authorisationVerifiedAt),
    informationRequestedAt: millis(raw.informationRequestedAt),
    surveySentAt: millis(raw.surveySentAt),
    pauses,
    expectedDate: typeof expected === 'string' && !isIsoInstant(expected) ? expected : millis(expected),
    events: raw.events.map((seen) => ({ event: seen.event, at: millis(seen.at) })),
  };
  const issues = checkOrder(facts);
  if (issues.length > 0) throw new InvalidClockFactsError(issues);
  return {
    ...facts,
    pauses: [...pauses].sort((a, b) => a.from - b.from),
    events: [...facts.events].sort((a, b) => a.at - b.at),
  };
}
