import { z } from 'zod';
import { isoInstantSchema } from './primitives';

/** Who caused an event: a gateway client (by API key name), a service, or the system clock. */
export const actorSchema = z.strictObject({
  kind: z.enum(['client', 'service', 'system']),
  id: z.string().min(1).max(200),
});
export type Actor = z.infer<typeof actorSchema>;

/**
 * The envelope every event travels in. `id` is a UUIDv7 (time-ordered), used as the
 * JetStream `Nats-Msg-Id`, the inbox key and the register's event id. Consumers read the
 * fields they know and leave others aside, so a producer upgraded before its consumers may
 * add one to the envelope without sending every event to the dead letters; what the data
 * holds changes only with the event's version.
 */
export const envelopeSchema = z.object({
  id: z.uuid(),
  /** Dotted, lowercase words joined by `-` or `_`: `complaint.received`, `sla.clock-breached`. */
  type: z.string().regex(/^[a-z]+(\.[a-z][a-z_-]*)+$/),
  version: z.number().int().positive(),
  occurredAt: isoInstantSchema,
  complaintId: z.uuid().nullable(),
  actor: actorSchema,
  traceparent: z.string().optional(),
  data: z.unknown(),
});
export type Envelope<TData = unknown> = Omit<z.infer<typeof envelopeSchema>, 'data'> & { data: TData };
