import { readFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { parseDocument } from 'yaml';
import { PolicyValidationError } from '../policy-errors';
import type { PolicyDocument } from '../schema/policy-document.schema';
import { parsePolicyDocument } from '../schema/validate-policy-document';

/** A policy document from YAML (or JSON, which is YAML) text. */
export function parsePolicyYaml(text: string): PolicyDocument {
  const document = parseDocument(text, { prettyErrors: true });
  if (document.errors.length > 0) {
    throw new PolicyValidationError(
      document.errors.map((error) => ({ path: '', message: `YAML: ${error.message}` })),
    );
  }
  return parsePolicyDocument(document.toJS());
}

/** A policy document from a `.yaml`, `.yml` or `.json` file; problems name the file. */
export function loadPolicyFile(path: string): PolicyDocument {
  const text = readFileSync(path, 'utf8');
  try {
    return extname(path) === '.json' ? parsePolicyDocument(JSON.parse(text)) : parsePolicyYaml(text);
  } catch (error) {
    if (!(error instanceof PolicyValidationError)) throw error;
    const file = basename(path);
    throw new PolicyValidationError(
      error.issues.map((issue) => ({ ...issue, message: `${issue.message} (in ${file})` })),
    );
  }
}
