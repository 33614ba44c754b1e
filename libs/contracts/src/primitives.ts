import { z } from 'zod';

/** The building blocks the request and event schemas share, so a rule is stated once. */

export const isoInstantSchema = z.iso.datetime({
  offset: true,
  error: 'must be an ISO 8601 instant with an offset, such as 2026-03-02T10:00:00+01:00',
});

/**
 * The id of a policy, the same rule wherever one appears: a policy document's own id, a
 * complaint's, a query filter, an event's. No policy can be published under any other id, so
 * anything else is refused before anyone looks it up.
 */
export const policyIdSchema = z.string().regex(/^[a-z][a-z0-9-]{0,62}$/, 'must be a policy id such as "mimo"');

/** An organisation on the platform: `mimo`, `mit`, `modmount`, `imolocale`, … */
export const organisationIdSchema = z.string().regex(/^[a-z][a-z0-9-]{0,62}$/, 'must be an organisation id such as "mimo"');

export const policyVersionSchema = z.number().int().positive();

/**
 * A policy's clock id (`acknowledgement`, `resolution`, …). A pattern rather than the policy
 * library's list, because contracts do not depend on the policy library.
 */
export const clockIdSchema = z.string().regex(/^[a-z][a-z0-9_]*$/, 'must be a clock id such as "resolution"');

/** A language tag such as `fr` or `en-GB`, for the language a customer or a policy speaks. */
export const localeSchema = z
  .string()
  .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'must be a BCP 47 language tag such as fr, en-GB or vi');

/** Issued by intake at receipt and shown to the customer: `<prefix>-<year>-<sequence>`. */
export const complaintReferenceSchema = z
  .string()
  .regex(/^[A-Z][A-Z0-9]{1,9}-\d{4}-\d{6,}$/, 'must be a complaint reference such as IMO-2026-000042');

// eslint-disable-next-line no-control-regex -- control characters are exactly what this finds
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/**
 * Text a person typed: surrounding blanks do not count, an empty text is refused, and so are
 * control characters other than tab and line breaks (PostgreSQL cannot store U+0000).
 */
export function textSchema(maxLength: number) {
  return z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .max(maxLength, `must be at most ${maxLength} characters`)
    .refine((text) => !CONTROL_CHARACTERS.test(text), 'must not contain control characters');
}
