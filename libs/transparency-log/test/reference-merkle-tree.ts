import { createHash } from 'node:crypto';

/*
 * RFC 9162 §2.1 transcribed literally, over the whole list of leaves: recursive MTH, PATH and
 * PROOF with no stored nodes and no shortcuts. Slow, and obviously right, which is what the
 * property tests compare the library with.
 */
function sha256(...parts: Uint8Array[]): Uint8Array {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part);
  return Uint8Array.from(hash.digest());
}

function k(n: number): number {
  let power = 1;
  while (power * 2 < n) power *= 2;
  return power;
}

export function referenceLeafHash(leaf: Uint8Array): Uint8Array {
  return sha256(Uint8Array.of(0), leaf);
}

/** MTH(D[n]) of leaves given as their leaf hashes. */
export function referenceRoot(leafHashes: readonly Uint8Array[]): Uint8Array {
  const n = leafHashes.length;
  if (n === 0) return sha256();
  if (n === 1) return leafHashes[0] as Uint8Array;
  return sha256(
    Uint8Array.of(1),
    referenceRoot(leafHashes.slice(0, k(n))),
    referenceRoot(leafHashes.slice(k(n))),
  );
}

/** PATH(m, D[n]). */
export function referencePath(m: number, leafHashes: readonly Uint8Array[]): Uint8Array[] {
  const n = leafHashes.length;
  if (n === 1) return [];
  const left = leafHashes.slice(0, k(n));
  const right = leafHashes.slice(k(n));
  return m < k(n)
    ? [...referencePath(m, left), referenceRoot(right)]
    : [...referencePath(m - k(n), right), referenceRoot(left)];
}

/** PROOF(m, D[n]) for 0 < m < n, through SUBPROOF. */
export function referenceProof(m: number, leafHashes: readonly Uint8Array[]): Uint8Array[] {
  const subproof = (m: number, d: readonly Uint8Array[], b: boolean): Uint8Array[] => {
    const n = d.length;
    if (m === n) return b ? [] : [referenceRoot(d)];
    const left = d.slice(0, k(n));
    const right = d.slice(k(n));
    return m <= k(n)
      ? [...subproof(m, left, b), referenceRoot(right)]
      : [...subproof(m - k(n), right, false), referenceRoot(left)];
  };
  return subproof(m, leafHashes, true);
}
