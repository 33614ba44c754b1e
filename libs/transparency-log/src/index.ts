// The only public entry of @complaints/transparency-log: RFC 9162 Merkle trees over stored
// complete-subtree hashes, their proofs, and C2SP signed notes and checkpoints.
export {
  MalformedInputError,
  MissingTreeNodeError,
  NoteVerificationError,
  type NoteRejection,
} from './transparency-log-errors';

export { EMPTY_TREE_ROOT, HASH_SIZE, leafHash, nodeHash } from './merkle-hash';
export { InMemoryTreeNodes, type TreeNode, type TreeNodes } from './tree-nodes';
export { appendLeaves } from './append-leaves';
export { treeRoot } from './tree-root';
export { inclusionProof, verifyInclusion, type InclusionClaim } from './inclusion-proof';
export { consistencyProof, verifyConsistency, type ConsistencyClaim } from './consistency-proof';

export { ed25519KeyPairFromSeed, rawEd25519PublicKey, type Ed25519KeyPair } from './ed25519-keys';
export { formatVerifierKey, noteKeyId, parseVerifierKey, type NoteVerifierKey } from './verifier-key';
export { signNote, verifyNote, type NoteSigner } from './signed-note';
export {
  formatCheckpoint,
  parseCheckpoint,
  signCheckpoint,
  verifyCheckpoint,
  type Checkpoint,
} from './checkpoint';
