import { MalformedInputError } from './transparency-log-errors';

/**
 * The arithmetic of RFC 9162 trees over leaf ranges, shared by the root, the proofs and the
 * append. Sizes and indexes are plain numbers (safe integers): halving is done with division,
 * not with bit operators, which would truncate to 32 bits.
 */

/** A leaf range [start, end). */
export interface LeafRange {
  readonly start: number;
  readonly end: number;
}

/** A complete subtree, addressed as `TreeNodes` addresses it. */
export interface SubtreeAddress {
  readonly level: number;
  readonly index: number;
}

export function assertTreeSize(size: number, what: string): void {
  if (!Number.isSafeInteger(size) || size < 0) {
    throw new MalformedInputError(`${what} must be a non-negative safe integer, got ${size}`);
  }
}

/** k in RFC 9162 §2.1.1: the largest power of two smaller than n (n ≥ 2). */
export function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/**
 * The complete subtrees that make up [start, end), left to right, largest first. Every range
 * the RFC recursion produces starts at a multiple of a power of two at least as large as the
 * range, so this greedy split is exactly how MTH splits it, with one subtree per set bit of
 * the range's width: at most log2(n) + 1 of them.
 */
export function completeSubtrees(range: LeafRange): SubtreeAddress[] {
  const subtrees: SubtreeAddress[] = [];
  let start = range.start;
  while (start < range.end) {
    let level = 0;
    let width = 1;
    while (start % (width * 2) === 0 && start + width * 2 <= range.end) {
      level += 1;
      width *= 2;
    }
    subtrees.push({ level, index: start / width });
    start += width;
  }
  return subtrees;
}

/** Whether n is a power of two (n ≥ 1). */
export function isPowerOfTwo(n: number): boolean {
  let p = 1;
  while (p < n) p *= 2;
  return p === n;
}
