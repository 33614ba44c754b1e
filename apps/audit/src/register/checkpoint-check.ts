import { NoteVerifierKey, verifyCheckpoint } from '@complaints/transparency-log';
import { RegisterBreak } from './chain-check';
import { StoredCheckpoint } from './checkpoint-store';

const sameBytes = (a: Uint8Array, b: Uint8Array): boolean => Buffer.from(a).equals(Buffer.from(b));

/**
 * Whether a stored checkpoint holds: its note verifies under our key and origin and states
 * the size and root stored beside it, and that root is the one the stored tree gives for its
 * size (`treeRoot`, undefined when the tree lacks a node). A failure is reported at the last
 * entry the checkpoint covers.
 */
export function checkpointBreak(
  checkpoint: StoredCheckpoint,
  verifier: NoteVerifierKey,
  origin: string,
  treeRoot: Uint8Array | undefined,
): RegisterBreak | null {
  const seq = Math.max(checkpoint.treeSize - 1, 0);
  try {
    const signed = verifyCheckpoint(checkpoint.note, verifier, origin);
    if (signed.treeSize !== checkpoint.treeSize || !sameBytes(signed.rootHash, checkpoint.rootHash)) {
      return { seq, reason: 'checkpoint-signature' };
    }
  } catch {
    return { seq, reason: 'checkpoint-signature' };
  }
  return treeRoot && sameBytes(treeRoot, checkpoint.rootHash) ? null : { seq, reason: 'checkpoint-root' };
}
