import { appendLeaves } from './append-leaves';
import { consistencyProof, verifyConsistency } from './consistency-proof';
import { inclusionProof, verifyInclusion } from './inclusion-proof';
import { EMPTY_TREE_ROOT, leafHash } from './merkle-hash';
import { InMemoryTreeNodes } from './tree-nodes';
import { treeRoot } from './tree-root';

/*
 * The classic RFC 6962 test tree, as published by Google's Certificate Transparency code and
 * now by github.com/transparency-dev/merkle: the eight leaves of testonly/constants.go
 * (LeafInputs), the root of every prefix (RootHashes) and the complete-subtree hashes
 * (NodeHashes); the proofs are the vectors of cmd/proofgen/main.go (its leaf indexes there are
 * 1-based) and of testdata/{inclusion,consistency}/<n>/happy-path.json.
 */
const hex = (text: string): Uint8Array => Uint8Array.from(Buffer.from(text, 'hex'));
const toHex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex');

const LEAVES = [
  '',
  '00',
  '10',
  '2021',
  '3031',
  '40414243',
  '5051525354555657',
  '606162636465666768696a6b6c6d6e6f',
];

const ROOTS = [
  'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
  '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
  'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
  'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
  'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
  '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
  '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
  'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
  '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
];

const NODES: string[][] = [
  [
    '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
    '96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7',
    '0298d122906dcfc10892cb53a73992fc5b9f493ea4c9badb27b791b4127a7fe7',
    '07506a85fd9dd2f120eb694f86011e5bb4662e5c415a62917033d4a9624487e7',
    'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
    '4271a26be0d8a84f0bd54c8c302e7cb3a3b5d1fa6780a40bcce2873477dab658',
    'b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f',
    '46f6ffadd3d06a09ff3c5860d2755c8b9819db7df44251788c7d8e3180de8eb1',
  ],
  [
    'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
    '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
    '0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a',
    'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
  ],
  [
    'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4',
  ],
  ['5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328'],
];

const INCLUSION_PROOFS = [
  { index: 0, treeSize: 1, proof: [] },
  {
    index: 0,
    treeSize: 8,
    proof: [
      '96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7',
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4',
    ],
  },
  {
    index: 5,
    treeSize: 8,
    proof: [
      'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
      'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    ],
  },
  { index: 2, treeSize: 3, proof: ['fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125'] },
  {
    index: 1,
    treeSize: 5,
    proof: [
      '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
    ],
  },
];

const CONSISTENCY_PROOFS = [
  { fromSize: 1, toSize: 1, proof: [] },
  {
    fromSize: 1,
    toSize: 8,
    proof: [
      '96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7',
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4',
    ],
  },
  {
    fromSize: 6,
    toSize: 8,
    proof: [
      '0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a',
      'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    ],
  },
  {
    fromSize: 2,
    toSize: 5,
    proof: [
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
    ],
  },
  {
    fromSize: 6,
    toSize: 7,
    proof: [
      '0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a',
      'b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f',
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    ],
  },
];

async function classicTree(): Promise<InMemoryTreeNodes> {
  const nodes = new InMemoryTreeNodes();
  nodes.put(
    await appendLeaves(
      nodes,
      0,
      LEAVES.map((leaf) => leafHash(hex(leaf))),
    ),
  );
  return nodes;
}

describe('the RFC 6962 test tree', () => {
  it('has the published empty root', () => {
    expect(toHex(EMPTY_TREE_ROOT)).toBe(ROOTS[0]);
  });

  it('stores exactly the published complete-subtree hashes', async () => {
    const nodes = await classicTree();
    for (const [level, hashes] of NODES.entries()) {
      for (const [index, hash] of hashes.entries()) {
        const stored = await nodes.get(level, index);
        expect(stored && toHex(stored)).toBe(hash);
      }
    }
    expect(nodes.size).toBe(15);
  });

  it.each(ROOTS.map((root, size) => ({ size, root })))(
    'has the published root at size $size',
    async ({ size, root }) => {
      expect(toHex(await treeRoot(await classicTree(), size))).toBe(root);
    },
  );

  it.each(INCLUSION_PROOFS)(
    'gives and verifies the published inclusion proof of leaf $index in size $treeSize',
    async ({ index, treeSize, proof }) => {
      expect((await inclusionProof(await classicTree(), index, treeSize)).map(toHex)).toEqual(proof);
      const claim = {
        leafHash: leafHash(hex(LEAVES[index] as string)),
        index,
        treeSize,
        proof: proof.map(hex),
        rootHash: hex(ROOTS[treeSize] as string),
      };
      expect(verifyInclusion(claim)).toBe(true);
      expect(verifyInclusion({ ...claim, index: index + 1 })).toBe(false);
      expect(verifyInclusion({ ...claim, treeSize: treeSize * 2 })).toBe(false);
      expect(verifyInclusion({ ...claim, rootHash: hex(ROOTS[treeSize - 1] as string) })).toBe(false);
      expect(verifyInclusion({ ...claim, proof: [...claim.proof, claim.rootHash] })).toBe(false);
    },
  );

  it.each(CONSISTENCY_PROOFS)(
    'gives and verifies the published consistency proof from size $fromSize to $toSize',
    async ({ fromSize, toSize, proof }) => {
      expect((await consistencyProof(await classicTree(), fromSize, toSize)).map(toHex)).toEqual(proof);
      const claim = {
        fromSize,
        toSize,
        fromRoot: hex(ROOTS[fromSize] as string),
        toRoot: hex(ROOTS[toSize] as string),
        proof: proof.map(hex),
      };
      expect(verifyConsistency(claim)).toBe(true);
      expect(verifyConsistency({ ...claim, fromRoot: claim.toRoot, toRoot: claim.fromRoot })).toBe(
        fromSize === toSize,
      );
      expect(verifyConsistency({ ...claim, proof: [...claim.proof, claim.toRoot] })).toBe(false);
    },
  );

  it('rejects a leaf index outside the tree when asked for a proof', async () => {
    await expect(inclusionProof(await classicTree(), 8, 8)).rejects.toThrow(
      'leaf index 8 is not in a tree of size 8',
    );
  });

  it('treats the empty tree as consistent with any tree, given the empty root and no proof', () => {
    const toRoot = hex(ROOTS[8] as string);
    expect(verifyConsistency({ fromSize: 0, toSize: 8, fromRoot: EMPTY_TREE_ROOT, toRoot, proof: [] })).toBe(
      true,
    );
    expect(verifyConsistency({ fromSize: 0, toSize: 8, fromRoot: toRoot, toRoot, proof: [] })).toBe(false);
    expect(
      verifyConsistency({ fromSize: 0, toSize: 8, fromRoot: EMPTY_TREE_ROOT, toRoot, proof: [toRoot] }),
    ).toBe(false);
  });
});
