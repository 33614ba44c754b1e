import { z } from 'zod';

/** The building blocks the request and event schemas share, so a rule is stated once. */

export const isoInstantSchema = z.iso.datetime({
  offset: true,
  error: 'must be an ISO 8601 instant with an offset, such as 2026-03-02T10:00:00+01:00',
});

export const policyIdSchema = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'must be a policy id such as "mimo"');

export const policyVersionSchema = z.number().int().positive();

/** Issued by intake at receipt and shown to the customer: `<prefix>-<year>-<sequence>`. */
export const complaintReferenceSchema = z
  .string()
  .regex(/^[A-Z][A-Z0-9]{1,9}-\d{4}-\d{6,}$/, 'must be a complaint reference such as IMO-2026-000042');

/** Text a person typed: surrounding blanks do not count, an empty text is refused. */
export function textSchema(maxLength: number) {
  return z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .max(maxLength, `must be at most ${maxLength} characters`);
}
