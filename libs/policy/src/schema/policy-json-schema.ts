import { z } from 'zod';
import { policyDocumentSchema } from './policy-document.schema';

let cached: Record<string, unknown> | undefined;

/**
 * The JSON Schema (draft 2020-12) of a policy document as a user writes it, for editors and
 * API docs. Cross-field rules (overlapping openings, unknown zones…) are only checked by
 * `validatePolicyDocument`.
 */
export function policyDocumentJsonSchema(): Record<string, unknown> {
  cached ??= {
    $id: 'https://complaints.example/schemas/policy-document.json',
    title: 'Complaint-handling policy document',
    ...z.toJSONSchema(policyDocumentSchema, { io: 'input', target: 'draft-2020-12' }),
  };
  return structuredClone(cached);
}
