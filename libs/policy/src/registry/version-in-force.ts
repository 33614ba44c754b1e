import type { PolicyDocument } from '../schema/policy-document.schema';

/**
 * The version in force at an instant: the latest effective-from not after it, the higher
 * version number on a tie. Undefined when none is in force yet.
 */
export function versionInForce<T extends Pick<PolicyDocument, 'version' | 'effectiveFrom'>>(
  versions: Iterable<T>,
  at: Date,
): T | undefined {
  const instant = at.getTime();
  let best: T | undefined;
  let bestFrom = -Infinity;
  for (const candidate of versions) {
    const from = Date.parse(candidate.effectiveFrom);
    if (from > instant) continue;
    if (best === undefined || from > bestFrom || (from === bestFrom && candidate.version > best.version)) {
      best = candidate;
      bestFrom = from;
    }
  }
  return best;
}
