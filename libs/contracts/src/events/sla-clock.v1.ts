import { z } from 'zod';
import { envelopeSchema } from '../envelope';
import { defineEvent } from '../event-contract';
import { clockIdSchema, isoInstantSchema, policyIdSchema, policyVersionSchema } from '../primitives';
import { SLA_CLOCK_STATUSES } from '../requests/sla-requests';
import { STREAMS } from '../streams';

/**
 * What a clock's warning or breach carries. `firedAt`, `lagMs` and `late` describe the
 * detection itself, so a consumer (and an auditor) can tell a breach noticed on time from
 * one noticed after an outage.
 */
const slaClockAlertSchema = z.strictObject({
  metric: clockIdSchema,
  policyId: policyIdSchema,
  policyVersion: policyVersionSchema,
  dueAt: isoInstantSchema,
  warnAt: isoInstantSchema.nullable(),
  firedAt: isoInstantSchema,
  lagMs: z.number().int().nonnegative(),
  late: z.boolean(),
});
export type SlaClockAlert = z.infer<typeof slaClockAlertSchema>;

/** A clock reached its warning instant while still running. */
export const SlaClockWarningV1 = defineEvent({
  type: 'sla.clock-warning',
  version: 1,
  stream: STREAMS.sla,
  data: slaClockAlertSchema,
});

/** A clock reached its deadline while still running: the promise is broken. */
export const SlaClockBreachedV1 = defineEvent({
  type: 'sla.clock-breached',
  version: 1,
  stream: STREAMS.sla,
  data: slaClockAlertSchema,
});

const clockStatusSchema = z.enum(SLA_CLOCK_STATUSES);

/**
 * A breach sla announced turned out false: an event that happened before the deadline reached
 * sla after its breach timer fired (an acknowledgement, a request for information, a stop
 * recorded late), and the clock, re-planned from what happened, was not broken at that
 * deadline. Consumers undo what they did for the breach, whichever of the two they process
 * first (escalation lowers the level it raised for it, or raises none when the breach comes
 * after its withdrawal; intake clears the complaint's breached mark).
 */
export const SlaClockBreachWithdrawnV1 = defineEvent({
  type: 'sla.clock-breach-withdrawn',
  version: 1,
  stream: STREAMS.sla,
  data: z.strictObject({
    metric: clockIdSchema,
    policyId: policyIdSchema,
    policyVersion: policyVersionSchema,
    /** The deadline the withdrawn breach was announced at. */
    breachedAt: isoInstantSchema,
    /**
     * The `sla.clock-breached` event withdrawn (announced already, or due to be announced by a
     * timer that will now not fire). Absent from withdrawals published before it was named:
     * a consumer then takes the clock's latest breach.
     */
    breachEventId: z.uuid().optional(),
    /** The clock as it stands now: met, running or paused with a later deadline, or cancelled. */
    status: clockStatusSchema,
    dueAt: isoInstantSchema.nullable(),
    metAt: isoInstantSchema.nullable(),
    /** The late complaint event that showed the breach to be false. */
    cause: z.strictObject({ eventId: z.uuid(), type: envelopeSchema.shape.type }),
  }),
});

/**
 * One clock a re-plan created or changed, as it stands after the change. The explanation is
 * left out: it is long, and `GET /v1/complaints/:id/sla` gives it.
 */
const changedClockSchema = z.strictObject({
  metric: clockIdSchema,
  status: clockStatusSchema,
  /** Null for a clock the re-plan created. */
  previousStatus: clockStatusSchema.nullable(),
  startedAt: isoInstantSchema.nullable(),
  dueAt: isoInstantSchema.nullable(),
  warnAt: isoInstantSchema.nullable(),
  metAt: isoInstantSchema.nullable(),
  breachedAt: isoInstantSchema.nullable(),
  /** The deadline before the change, so a moved deadline reads from-to; null when there was none. */
  previousDueAt: isoInstantSchema.nullable(),
});
export type SlaChangedClock = z.infer<typeof changedClockSchema>;

/**
 * A complaint event made sla re-plan the complaint's clocks, and some of them changed: they
 * started, met their promise, paused, moved their deadline or were cancelled. A breach the
 * timers detect is `sla.clock-breached` instead.
 */
export const SlaClocksChangedV1 = defineEvent({
  type: 'sla.clocks-changed',
  version: 1,
  stream: STREAMS.slaClocks,
  data: z.strictObject({
    policyId: policyIdSchema,
    policyVersion: policyVersionSchema,
    /** The complaint event that caused the re-plan. */
    cause: z.strictObject({ eventId: z.uuid(), type: envelopeSchema.shape.type }),
    clocks: z.array(changedClockSchema).min(1),
  }),
});
