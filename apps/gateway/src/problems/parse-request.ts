import { z } from 'zod';
import { ProblemError } from './problem-error';

function describeIssue(issue: z.core.$ZodIssue): { field: string; message: string }[] {
  const base = issue.path.map(String).join('.');
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => ({ field: base ? `${base}.${key}` : key, message: 'is not a known field' }));
  }
  return [{ field: base || '(body)', message: issue.message }];
}

/** Parses a request part with a zod schema; failures become a 400 problem listing every field. */
export function parseRequest<S extends z.ZodType>(schema: S, value: unknown, what = 'request body'): z.infer<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new ProblemError(
    400,
    'validation-error',
    'Invalid request',
    `the ${what} is not valid`,
    result.error.issues.flatMap(describeIssue),
  );
}
