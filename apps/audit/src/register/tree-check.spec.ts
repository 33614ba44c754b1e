import { InMemoryTreeNodes, appendLeaves, leafHash } from '@complaints/transparency-log';
import { createHash } from 'node:crypto';
import { expectedSubtrees, firstTreeBreak } from './tree-check';

const entryHash = (i: number) => Uint8Array.from(createHash('sha256').update(`entry ${i}`).digest());
const hashes = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => entryHash(from + i));

async function storedTree(size: number): Promise<Map<string, Uint8Array>> {
  const nodes = await appendLeaves(new InMemoryTreeNodes(), 0, hashes(0, size).map(leafHash));
  return new Map(nodes.map((node) => [`${node.level}:${node.index}`, node.hash]));
}

describe(expectedSubtrees.name, () => {
  it('gives exactly the nodes the library stores for the same leaves', async () => {
    const stored = await storedTree(13);
    const expected = expectedSubtrees(0, hashes(0, 13));
    expect(new Map(expected.map((node) => [`${node.level}:${node.index}`, node.hash]))).toEqual(stored);
  });

  it('gives only the subtrees wholly inside a range that starts in the middle', () => {
    const keys = expectedSubtrees(3, hashes(3, 9)).map((node) => `${node.level}:${node.index}`);
    expect(keys).toEqual(['0:3', '0:4', '0:5', '0:6', '0:7', '0:8', '1:2', '1:3', '2:1']);
  });
});

describe(firstTreeBreak.name, () => {
  it('finds nothing wrong with an intact tree', async () => {
    expect(firstTreeBreak(expectedSubtrees(0, hashes(0, 13)), await storedTree(13))).toBeNull();
  });

  it('reports a changed interior node at its first leaf, and a changed leaf at its own seq only', async () => {
    const expected = expectedSubtrees(0, hashes(0, 13));
    const changedNode = await storedTree(13);
    changedNode.set('2:1', new Uint8Array(32));
    expect(firstTreeBreak(expected, changedNode)).toEqual({ seq: 4, reason: 'tree-node' });
    const changedLeaf = await storedTree(13);
    changedLeaf.set('0:7', new Uint8Array(32));
    expect(firstTreeBreak(expected, changedLeaf)).toEqual({ seq: 7, reason: 'tree-node' });
  });

  it('reports entries in the wrong order at the first of them, not at an ancestor that covers earlier leaves', async () => {
    const swapped = hashes(0, 13);
    [swapped[2], swapped[3]] = [swapped[3] ?? new Uint8Array(), swapped[2] ?? new Uint8Array()];
    expect(firstTreeBreak(expectedSubtrees(0, swapped), await storedTree(13))).toEqual({ seq: 2, reason: 'tree-node' });
  });

  it('reports a missing node', async () => {
    const stored = await storedTree(13);
    stored.delete('0:12');
    expect(firstTreeBreak(expectedSubtrees(0, hashes(0, 13)), stored)).toEqual({ seq: 12, reason: 'tree-node' });
  });
});
