import { InclusionProofRequest, InclusionProofView } from '@complaints/contracts';
import { InvalidInputError } from '@complaints/domain';
import { MissingTreeNodeError, inclusionProof, treeRoot } from '@complaints/transparency-log';
import { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable } from '@nestjs/common';
import { toHex } from './audit-entry-view';
import { ProofTreeSize } from './proof-tree-size';
import { TREE_NODE_STORE, TreeNodeStore } from './tree-node-store';

/** The audit path of one entry in a tree the register has reached, the latest checkpoint's by default. */
@Injectable()
export class ProveInclusion {
  constructor(
    private readonly em: EntityManager,
    @Inject(TREE_NODE_STORE) private readonly tree: TreeNodeStore,
    private readonly treeSize: ProofTreeSize,
  ) {}

  async execute({ index, treeSize }: InclusionProofRequest): Promise<InclusionProofView> {
    const em = this.em.fork();
    const size = await this.treeSize.resolve(em, treeSize, 'treeSize');
    if (index >= size) {
      throw new InvalidInputError('the entry is not in that tree', [{ field: 'index', message: `must be less than the tree size ${size}` }]);
    }
    // Asked for together, the leaf, the path and the root are read in one round trip.
    const nodes = this.tree.reader(em);
    const [leaf, proof, rootHash] = await Promise.all([nodes.get(0, index), inclusionProof(nodes, index, size), treeRoot(nodes, size)]);
    if (!leaf) throw new MissingTreeNodeError(0, index);
    return { index, treeSize: size, leafHash: toHex(leaf), proof: proof.map(toHex), rootHash: toHex(rootHash) };
  }
}
