import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json';

/** SHA-256 (hex) of a document's canonical JSON: equal documents, whatever their key order, have equal digests. */
export function policyDigest(document: unknown): string {
  return createHash('sha256').update(canonicalJson(document), 'utf8').digest('hex');
}
