import { CHANNELS, CLOSE_REASONS, COMPLAINT_KINDS, RESPONSE_TYPES } from '@complaints/domain';
import { z } from 'zod';
import { isoInstantSchema, localeSchema, policyIdSchema, textSchema } from '../primitives';

/*
 * HTTP bodies of the complaint API (ARCHITECTURE.md, "Public HTTP API"). Every object is
 * strict, so a field the client may not set (`status`, `reference`, `escalationLevel`, `sla`)
 * is refused rather than silently ignored. Free text (names, notes, reasons, summaries) is
 * personal data: intake stores it encrypted and no event carries it.
 */

export const customerContactSchema = z
  .strictObject({
    name: textSchema(200),
    email: z.email({ error: 'must be an email address' }).max(254, 'must be at most 254 characters').optional(),
    phone: z
      .string()
      .regex(/^\+?[0-9 ().-]{6,32}$/, 'must be a phone number such as +33 1 23 45 67 89')
      .optional(),
    locale: localeSchema.optional(),
  })
  .refine((customer) => customer.email !== undefined || customer.phone !== undefined, {
    error: 'an email address or a phone number is required to reach the customer',
    path: ['email'],
  });
export type CustomerContact = z.infer<typeof customerContactSchema>;

/** `POST /v1/complaints`. `receivedAt` back-dates an entry; the gateway allows it to agents only. */
export const createComplaintBodySchema = z.strictObject({
  policyId: policyIdSchema,
  kind: z.enum(COMPLAINT_KINDS),
  channel: z.enum(CHANNELS),
  customer: customerContactSchema,
  subject: textSchema(200),
  description: textSchema(10_000),
  firstContactAt: isoInstantSchema.optional(),
  receivedAt: isoInstantSchema.optional(),
  thirdParty: z.strictObject({ name: textSchema(200), relationship: textSchema(100) }).optional(),
  seller: z.strictObject({ id: textSchema(100), name: textSchema(200) }).optional(),
});
export type CreateComplaintBody = z.infer<typeof createComplaintBodySchema>;

// The bodies of `POST /v1/complaints/:id/<route>`, in the order of the lifecycle.

export const acknowledgeBodySchema = z.strictObject({ note: textSchema(2000).optional() });

export const sendResponseBodySchema = z.strictObject({
  type: z.enum(RESPONSE_TYPES),
  channel: z.enum(CHANNELS).optional(),
  summary: textSchema(2000).optional(),
});

export const requestInfoBodySchema = z.strictObject({ question: textSchema(2000).optional() });

/** `receivedAt` is when the customer's reply arrived, if not now. */
export const customerReplyBodySchema = z.strictObject({ receivedAt: isoInstantSchema.optional() });

export const authorizationBodySchema = z.strictObject({
  verifiedAt: isoInstantSchema.optional(),
  evidence: textSchema(500).optional(),
});

export const upgradeBodySchema = z.strictObject({ reason: textSchema(1000) });

export const expectedDateBodySchema = z.strictObject({ expectedAt: isoInstantSchema, reason: textSchema(1000) });

export const resolveBodySchema = z.strictObject({ summary: textSchema(2000).optional() });

export const reopenBodySchema = z.strictObject({ reason: textSchema(1000) });

export const closeBodySchema = z.strictObject({ reason: z.enum(CLOSE_REASONS), note: textSchema(2000).optional() });

export const escalateBodySchema = z.strictObject({ reason: textSchema(1000) });

export const disputeTierBodySchema = z.strictObject({ tier: textSchema(50), reason: textSchema(1000) });

export const sellerNonCooperationBodySchema = z.strictObject({ reason: textSchema(1000) });
