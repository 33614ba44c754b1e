import { ConsistencyProofRequest, ConsistencyProofView } from '@complaints/contracts';
import { InvalidInputError } from '@complaints/domain';
import { consistencyProof, treeRoot } from '@complaints/transparency-log';
import { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable } from '@nestjs/common';
import { toHex } from './audit-entry-view';
import { ProofTreeSize } from './proof-tree-size';
import { TREE_NODE_STORE, TreeNodeStore } from './tree-node-store';

/** The proof that an earlier tree is a prefix of a later one, the latest checkpoint's by default. */
@Injectable()
export class ProveConsistency {
  constructor(
    private readonly em: EntityManager,
    @Inject(TREE_NODE_STORE) private readonly tree: TreeNodeStore,
    private readonly treeSize: ProofTreeSize,
  ) {}

  async execute({ from, to }: ConsistencyProofRequest): Promise<ConsistencyProofView> {
    const em = this.em.fork();
    const toSize = await this.treeSize.resolve(em, to, 'to');
    if (from > toSize) {
      throw new InvalidInputError('the earlier tree is larger than the later one', [{ field: 'from', message: `must be at most ${toSize}` }]);
    }
    const nodes = this.tree.reader(em);
    const [proof, fromRoot, toRoot] = await Promise.all([
      consistencyProof(nodes, from, toSize),
      treeRoot(nodes, from),
      treeRoot(nodes, toSize),
    ]);
    return { from, to: toSize, proof: proof.map(toHex), fromRoot: toHex(fromRoot), toRoot: toHex(toRoot) };
  }
}
