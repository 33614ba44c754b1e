import { PLATFORM_WIDE, PRINCIPAL_ROLES } from '@complaints/domain';
import { z } from 'zod';
import { organisationIdSchema } from './primitives';

/**
 * The caller a request is made for, as the gateway authenticated it. Every request-reply
 * message carries it, and the answering service checks it itself, so a bug in the gateway
 * alone cannot show one organisation another's data.
 */
export const principalSchema = z.strictObject({
  name: z.string().min(1).max(64),
  role: z.enum(PRINCIPAL_ROLES),
  organisationId: z.union([organisationIdSchema, z.literal(PLATFORM_WIDE)]),
});
