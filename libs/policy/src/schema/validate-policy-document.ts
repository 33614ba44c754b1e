import type { z } from 'zod';
import { type PolicyIssue, PolicyValidationError } from '../policy-errors';
import { type PolicyDocument, policyDocumentSchema } from './policy-document.schema';

export type PolicyValidationResult =
  | { readonly ok: true; readonly policy: PolicyDocument }
  | { readonly ok: false; readonly errors: readonly PolicyIssue[] };

/** `clocks[2].target.amount`: how a person would point at the field. */
export function formatIssuePath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((text, key) => {
    if (typeof key === 'number') return `${text}[${key}]`;
    return text === '' ? String(key) : `${text}.${String(key)}`;
  }, '');
}

/** zod's issues, reworded where its default message would not tell an operator what to do. */
export function toPolicyIssues(error: z.ZodError): PolicyIssue[] {
  return error.issues.flatMap((issue): PolicyIssue[] => {
    const path = formatIssuePath(issue.path);
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        path: formatIssuePath([...issue.path, key]),
        message: 'unknown field',
      }));
    }
    if (issue.code === 'invalid_type' && issue.message.endsWith('received undefined')) {
      return [{ path, message: 'is required' }];
    }
    return [{ path, message: issue.message }];
  });
}

export function validatePolicyDocument(input: unknown): PolicyValidationResult {
  const result = policyDocumentSchema.safeParse(input);
  return result.success
    ? { ok: true, policy: result.data }
    : { ok: false, errors: toPolicyIssues(result.error) };
}

/** The validated document, or a `PolicyValidationError` listing every problem. */
export function parsePolicyDocument(input: unknown): PolicyDocument {
  const result = validatePolicyDocument(input);
  if (!result.ok) throw new PolicyValidationError(result.errors);
  return result.policy;
}
