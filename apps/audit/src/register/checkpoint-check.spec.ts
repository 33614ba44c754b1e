import { ed25519KeyPairFromSeed, formatVerifierKey, parseVerifierKey, rawEd25519PublicKey, signCheckpoint } from '@complaints/transparency-log';
import { checkpointBreak } from './checkpoint-check';
import { StoredCheckpoint } from './checkpoint-store';

const origin = 'audit.test/register';
const keyPair = ed25519KeyPairFromSeed(Buffer.alloc(32, 1).toString('base64'));
const verifier = parseVerifierKey(formatVerifierKey(origin, rawEd25519PublicKey(keyPair.publicKey)));
const root = new Uint8Array(32).fill(7);

function checkpoint(treeSize: number, rootHash: Uint8Array, signer = keyPair): StoredCheckpoint {
  const note = signCheckpoint({ origin, treeSize, rootHash, extensions: [] }, { name: origin, keyPair: signer });
  return { treeSize, rootHash, signedAt: new Date(), note };
}

describe(checkpointBreak.name, () => {
  it('accepts a checkpoint signed by our key whose root the tree gives', () => {
    expect(checkpointBreak(checkpoint(5, root), verifier, origin, root)).toBeNull();
  });

  it('reports a root the tree no longer gives at the last entry the checkpoint covers', () => {
    expect(checkpointBreak(checkpoint(5, root), verifier, origin, new Uint8Array(32))).toEqual({ seq: 4, reason: 'checkpoint-root' });
    expect(checkpointBreak(checkpoint(5, root), verifier, origin, undefined)).toEqual({ seq: 4, reason: 'checkpoint-root' });
  });

  it('reports a note signed by another key, or stating another root than stored beside it', () => {
    const otherKey = ed25519KeyPairFromSeed(Buffer.alloc(32, 2).toString('base64'));
    expect(checkpointBreak(checkpoint(5, root, otherKey), verifier, origin, root)).toEqual({ seq: 4, reason: 'checkpoint-signature' });
    const stored = { ...checkpoint(5, root), rootHash: new Uint8Array(32) };
    expect(checkpointBreak(stored, verifier, origin, new Uint8Array(32))).toEqual({ seq: 4, reason: 'checkpoint-signature' });
  });
});
