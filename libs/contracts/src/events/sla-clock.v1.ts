import { z } from 'zod';
import { defineEvent } from '../event-contract';
import { clockIdSchema } from '../primitives';
import { STREAMS } from '../streams';

const isoInstant = z.iso.datetime({ offset: true });

/**
 * What a clock's warning or breach carries. `firedAt`, `lagMs` and `late` describe the
 * detection itself, so a consumer (and an auditor) can tell a breach noticed on time from
 * one noticed after an outage.
 */
const slaClockAlertSchema = z.strictObject({
  metric: clockIdSchema,
  policyId: z.string().min(1),
  policyVersion: z.number().int().positive(),
  dueAt: isoInstant,
  warnAt: isoInstant.nullable(),
  firedAt: isoInstant,
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
