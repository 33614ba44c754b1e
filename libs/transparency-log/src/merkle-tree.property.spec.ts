import fc from 'fast-check';
import { CountingTreeNodes } from '../test/counting-tree-nodes';
import {
  referenceLeafHash,
  referencePath,
  referenceProof,
  referenceRoot,
} from '../test/reference-merkle-tree';
import { appendLeaves } from './append-leaves';
import { consistencyProof, verifyConsistency } from './consistency-proof';
import { inclusionProof, verifyInclusion } from './inclusion-proof';
import { leafHash } from './merkle-hash';
import { InMemoryTreeNodes, type TreeNode } from './tree-nodes';
import { treeRoot } from './tree-root';

/*
 * Random trees of 1 to 1,000 leaves, held to the literal RFC 9162 recursion of
 * test/reference-merkle-tree.ts and to the RFC's own verification algorithms.
 */
// Sizes are drawn uniformly (fast-check's arrays favour short ones); the leaf bytes only need
// to differ, so they come from a random salt rather than 1,000 generated arrays.
const leaves = (max: number) =>
  fc
    .tuple(fc.integer({ min: 1, max }), fc.nat())
    .map(([size, salt]) => Array.from({ length: size }, (_, i) => leafHash(Buffer.from(`${salt}:${i}`))));

/** Proofs may read two nodes per level: one for each sibling, one more for the right edge. */
const readBudget = (size: number): number => 2 * Math.ceil(Math.log2(size)) + 2;

async function buildTree(leafHashes: readonly Uint8Array[]): Promise<CountingTreeNodes> {
  const nodes = new CountingTreeNodes();
  nodes.put(await appendLeaves(nodes, 0, leafHashes));
  nodes.reads = 0;
  return nodes;
}

/** The same bytes with one of them changed. */
function tamper(hash: Uint8Array, at: number): Uint8Array {
  const changed = Uint8Array.from(hash);
  changed[at % changed.length] = (changed[at % changed.length] as number) ^ (1 + (at % 255));
  return changed;
}

const key = (node: TreeNode): string =>
  `${node.level}:${node.index}:${Buffer.from(node.hash).toString('hex')}`;

describe('Merkle tree properties', () => {
  it('hashes leaves exactly as RFC 9162 does', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (data) => {
        expect(leafHash(data)).toEqual(referenceLeafHash(data));
      }),
    );
  });

  it('has the root of the naive recursion at every size', async () => {
    await fc.assert(
      fc.asyncProperty(leaves(1000), async (leafHashes) => {
        const nodes = await buildTree(leafHashes);
        for (const size of new Set([1, leafHashes.length >> 1, leafHashes.length - 1, leafHashes.length])) {
          if (size === 0) continue;
          expect(await treeRoot(nodes, size)).toEqual(referenceRoot(leafHashes.slice(0, size)));
        }
      }),
      { numRuns: 15 },
    );
  });

  it('proves every leaf, and no proof survives one changed byte', async () => {
    await fc.assert(
      fc.asyncProperty(leaves(1000), fc.nat(), async (leafHashes, salt) => {
        const nodes = await buildTree(leafHashes);
        const treeSize = leafHashes.length;
        const rootHash = await treeRoot(nodes, treeSize);
        // The naive path costs O(n) hashes, so it is compared on a few leaves only.
        const compared = new Set([0, treeSize - 1, salt % treeSize]);
        for (const [index, hash] of leafHashes.entries()) {
          nodes.reads = 0;
          const proof = await inclusionProof(nodes, index, treeSize);
          expect(nodes.reads).toBeLessThanOrEqual(readBudget(treeSize));
          if (compared.has(index)) expect(proof).toEqual(referencePath(index, leafHashes));
          const claim = { leafHash: hash, index, treeSize, proof, rootHash };
          expect(verifyInclusion(claim)).toBe(true);
          // One changed byte, in the leaf or in one proof hash, taking each in turn over the leaves.
          const at = (index + salt) % (proof.length + 1);
          const tampered =
            at === proof.length
              ? { ...claim, leafHash: tamper(hash, index + salt) }
              : {
                  ...claim,
                  proof: proof.map((sibling, i) => (i === at ? tamper(sibling, index + salt) : sibling)),
                };
          expect(verifyInclusion(tampered)).toBe(false);
        }
      }),
      { numRuns: 8 },
    );
  });

  it('proves consistency between random sizes, and no proof survives one changed byte', async () => {
    await fc.assert(
      fc.asyncProperty(
        leaves(1000),
        fc.array(fc.tuple(fc.nat(), fc.nat()), { minLength: 1, maxLength: 8 }),
        async (leafHashes, pairs) => {
          const nodes = await buildTree(leafHashes);
          for (const [a, b] of pairs) {
            const [fromSize, toSize] = [a % (leafHashes.length + 1), b % (leafHashes.length + 1)].sort(
              (x, y) => x - y,
            ) as [number, number];
            if (toSize === 0) continue;
            const fromRoot = await treeRoot(nodes, fromSize);
            const toRoot = await treeRoot(nodes, toSize);
            nodes.reads = 0;
            const proof = await consistencyProof(nodes, fromSize, toSize);
            expect(nodes.reads).toBeLessThanOrEqual(readBudget(toSize));
            if (fromSize > 0 && fromSize < toSize) {
              expect(proof).toEqual(referenceProof(fromSize, leafHashes.slice(0, toSize)));
            }
            const claim = { fromSize, toSize, fromRoot, toRoot, proof };
            expect(verifyConsistency(claim)).toBe(true);
            expect(verifyConsistency({ ...claim, fromRoot: tamper(fromRoot, a) })).toBe(false);
            expect(verifyConsistency({ ...claim, toRoot: tamper(toRoot, b) })).toBe(fromSize === 0);
            for (const at of proof.keys()) {
              const tampered = proof.map((hash, i) => (i === at ? tamper(hash, a + at) : hash));
              expect(verifyConsistency({ ...claim, proof: tampered })).toBe(false);
            }
          }
        },
      ),
      { numRuns: 15 },
    );
  });

  it('stores the same nodes whether leaves come in batches or one by one', async () => {
    await fc.assert(
      fc.asyncProperty(
        leaves(1000),
        fc.array(fc.integer({ min: 1, max: 64 }), { minLength: 1 }),
        async (leafHashes, batchSizes) => {
          const oneByOne = new InMemoryTreeNodes();
          const singles: TreeNode[] = [];
          for (const [size, hash] of leafHashes.entries()) {
            const created = await appendLeaves(oneByOne, size, [hash]);
            oneByOne.put(created);
            singles.push(...created);
          }

          const batched = new CountingTreeNodes();
          const batches: TreeNode[] = [];
          let size = 0;
          for (let i = 0; size < leafHashes.length; i += 1) {
            const batch = leafHashes.slice(size, size + (batchSizes[i % batchSizes.length] as number));
            batched.reads = 0;
            const created = await appendLeaves(batched, size, batch);
            expect(batched.reads).toBeLessThanOrEqual(Math.log2(size + 1) + 1);
            batched.put(created);
            batches.push(...created);
            size += batch.length;
          }

          expect(batches.map(key).sort()).toEqual(singles.map(key).sort());
          // A tree of n leaves has one complete subtree per node of its binary counter: 2n - popcount(n).
          const ones = leafHashes.length.toString(2).replaceAll('0', '').length;
          expect(batched.size).toBe(2 * leafHashes.length - ones);
        },
      ),
      { numRuns: 15 },
    );
  });
});
