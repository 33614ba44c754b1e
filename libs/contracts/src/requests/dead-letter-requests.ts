import { z } from 'zod';
import { principalSchema } from '../principal';
import { isoInstantSchema } from '../primitives';
import { defineRequest } from './request-contract';

/** A durable consumer's name (`sla`, `notifications-complaints`): no subject wildcard or separator can hide in it. */
export const consumerNameSchema = z.string().regex(/^[a-z][a-z0-9-]{0,62}$/, 'must be a consumer name such as "sla"');

/** A position in the dead-letter stream, from a `nextCursor`: the decimal sequence of the next dead letter. */
export const deadLetterCursorSchema = z.string().regex(/^[1-9]\d{0,14}$/, 'must be a nextCursor from a previous page');

/**
 * One event a consumer gave up on, as an operator needs it to decide on a replay: where it came
 * from, which consumer failed and why. Only the envelope's metadata, never its `data`; the
 * envelope fields are null when the message was no event at all.
 */
export const deadLetterViewSchema = z.strictObject({
  /** Its sequence in the dead-letter stream, which the replay names. */
  seq: z.number().int().positive(),
  consumer: z.string(),
  /** The stream it was consumed from, and its subject there, as deployed. */
  stream: z.string(),
  subject: z.string(),
  eventId: z.string().nullable(),
  type: z.string().nullable(),
  occurredAt: isoInstantSchema.nullable(),
  reason: z.string(),
  deadLetteredAt: isoInstantSchema,
});
export type DeadLetterView = z.infer<typeof deadLetterViewSchema>;

export const deadLetterPageSchema = z.strictObject({
  items: z.array(deadLetterViewSchema),
  /** Where the next page starts; null when there is none. */
  nextCursor: deadLetterCursorSchema.nullable(),
});
export type DeadLetterPage = z.infer<typeof deadLetterPageSchema>;

export const replayDeadLetterRequestSchema = z.strictObject({
  principal: principalSchema,
  seq: z.number().int().positive(),
});
export type ReplayDeadLetterRequest = z.infer<typeof replayDeadLetterRequestSchema>;

/** A replay that went through: the consumer handled the event now, or had already handled it; either way it left the dead letters. */
export const deadLetterReplaySchema = z.strictObject({
  seq: z.number().int().positive(),
  consumer: z.string(),
  outcome: z.enum(['processed', 'duplicate']),
});
export type DeadLetterReplay = z.infer<typeof deadLetterReplaySchema>;

/**
 * What every service with durable consumers answers: hand one of its own consumers' dead
 * letters to that consumer again (ADR 0008). One subject per service, so the caller reaches
 * the service that owns the consumer; a rejection is a `conflict` naming the handler's reason.
 */
export function replayDeadLetterRequest(service: string) {
  return defineRequest({
    pattern: `${service}.dead-letters.replay`,
    request: replayDeadLetterRequestSchema,
    reply: deadLetterReplaySchema,
  });
}
export type ReplayDeadLetterContract = ReturnType<typeof replayDeadLetterRequest>;
