import { RegisterCheckpoint } from '@complaints/contracts';
import { toHex } from './audit-entry-view';
import { StoredCheckpoint } from './checkpoint-store';

export function checkpointView(checkpoint: StoredCheckpoint): RegisterCheckpoint {
  return {
    treeSize: checkpoint.treeSize,
    rootHash: toHex(checkpoint.rootHash),
    signedAt: checkpoint.signedAt.toISOString(),
    note: checkpoint.note,
  };
}
