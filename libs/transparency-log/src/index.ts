// The only public entry of @complaints/transparency-log: RFC 9162 Merkle trees over stored
// complete-subtree hashes and their proofs.
export { MalformedInputError, MissingTreeNodeError } from './transparency-log-errors';

export { EMPTY_TREE_ROOT, HASH_SIZE, leafHash, nodeHash } from './merkle-hash';
export { InMemoryTreeNodes, type TreeNode, type TreeNodes } from './tree-nodes';
export { appendLeaves } from './append-leaves';
export { treeRoot } from './tree-root';
export { inclusionProof, verifyInclusion, type InclusionClaim } from './inclusion-proof';
export { consistencyProof, verifyConsistency, type ConsistencyClaim } from './consistency-proof';
