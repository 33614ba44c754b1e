import { z } from 'zod';
import { principalSchema } from '../principal';
import { clockIdSchema, isoInstantSchema, policyIdSchema, policyVersionSchema } from '../primitives';
import { defineRequest } from './request-contract';

/**
 * `pending`: the clock has not started (it waits for an event such as a request for
 * information or a survey). `running`: counting towards `dueAt`. `paused`: started, stopped
 * while awaiting the customer or an authorisation; its deadline is set on resume. `met`: a
 * stopping event came in time. `breached`: `dueAt` passed while it ran (it stays breached
 * even if the promise is kept later). `cancelled`: it no longer applies (closed, or the
 * complaint changed kind).
 */
export const SLA_CLOCK_STATUSES = ['pending', 'running', 'paused', 'met', 'breached', 'cancelled'] as const;
export type SlaClockStatus = (typeof SLA_CLOCK_STATUSES)[number];

export const slaClockViewSchema = z.strictObject({
  /** The clock id (`acknowledgement`, `resolution`, …). */
  metric: z.string(),
  status: z.enum(SLA_CLOCK_STATUSES),
  startedAt: isoInstantSchema.nullable(),
  dueAt: isoInstantSchema.nullable(),
  warnAt: isoInstantSchema.nullable(),
  metAt: isoInstantSchema.nullable(),
  breachedAt: isoInstantSchema.nullable(),
  /**
   * Met and breached clocks: the business time the clock ran, pauses excluded, from its start
   * (a recurring clock's current span) to its stopping event, or to now for a breached clock
   * still waiting for it. Null for other clocks, and for clocks that stopped before sla
   * measured business time.
   */
  elapsedBusinessSeconds: z.number().int().min(0).nullable(),
  /** Breached clocks: the part of that business time past the deadline. Null otherwise. */
  overdueBusinessSeconds: z.number().int().min(0).nullable(),
  /** How the deadline was computed: the rule, the calendar and every step. */
  explanation: z.string(),
  steps: z.array(z.string()),
});
export type SlaClockView = z.infer<typeof slaClockViewSchema>;

export const complaintClocksSchema = z.strictObject({
  complaintId: z.uuid(),
  policyId: policyIdSchema,
  policyVersion: policyVersionSchema,
  clocks: z.array(slaClockViewSchema),
});
export type ComplaintClocks = z.infer<typeof complaintClocksSchema>;

export const getComplaintClocksRequestSchema = z.strictObject({ principal: principalSchema, complaintId: z.uuid() });
export type GetComplaintClocksRequest = z.infer<typeof getComplaintClocksRequestSchema>;

export const SLA_REPORT_GROUPS = ['day', 'week', 'month'] as const;
export type SlaReportGrouping = (typeof SLA_REPORT_GROUPS)[number];
/** The longest window one report covers: a year of daily figures, and a bounded read. */
export const SLA_REPORT_MAX_DAYS = 366;

export const getSlaReportRequestSchema = z.strictObject({
  principal: principalSchema,
  policyId: policyIdSchema,
  from: isoInstantSchema,
  to: isoInstantSchema,
  groupBy: z.enum(SLA_REPORT_GROUPS),
  /** One clock id; every clock of the policy when absent. */
  metric: clockIdSchema.optional(),
});
export type GetSlaReportRequest = z.infer<typeof getSlaReportRequestSchema>;

/** A count of clocks, or business seconds, never negative. */
const count = z.number().int().min(0);

export const slaReportFiguresSchema = z.strictObject({
  /** Clocks that started in the period (a recurring clock: its current span). */
  started: count,
  /** Of those, met in time. */
  met: count,
  /** Breached: the deadline passed, whether or not the promise was kept late. */
  breached: count,
  /** Still running or paused. */
  running: count,
  /** met ÷ (met + breached); null when none was decided. */
  attainment: z.number().min(0).max(1).nullable(),
  /** Business seconds from start to the stopping event, pauses excluded, of the clocks stopped (late ones too); null when none. */
  medianBusinessSecondsToMeet: count.nullable(),
  p90BusinessSecondsToMeet: count.nullable(),
  /** Clocks that reached their warning instant while they ran, before being met or breached. */
  warned: count,
});
export type SlaReportFigures = z.infer<typeof slaReportFiguresSchema>;

export const slaReportSchema = z.strictObject({
  policyId: policyIdSchema,
  from: isoInstantSchema,
  to: isoInstantSchema,
  groupBy: z.enum(SLA_REPORT_GROUPS),
  /** The policy's time zone: periods are its days, ISO weeks (from Monday) and months. */
  zone: z.string(),
  metrics: z.array(
    z.strictObject({
      metric: z.string(),
      total: slaReportFiguresSchema,
      /** Periods in which one of the clocks started, oldest first; `start` in the policy's zone. */
      periods: z.array(slaReportFiguresSchema.extend({ start: isoInstantSchema })),
    }),
  ),
});
export type SlaReport = z.infer<typeof slaReportSchema>;

/** What sla answers over request-reply. */
export const SlaRequests = {
  getComplaintClocks: defineRequest({
    pattern: 'sla.complaints.clocks',
    request: getComplaintClocksRequestSchema,
    reply: complaintClocksSchema,
  }),
  getSlaReport: defineRequest({ pattern: 'sla.reports.sla', request: getSlaReportRequestSchema, reply: slaReportSchema }),
};
