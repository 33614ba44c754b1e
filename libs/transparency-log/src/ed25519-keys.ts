import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import { decodeBase64 } from './base64';
import { MalformedInputError } from './transparency-log-errors';

const ED25519_SEED_SIZE = 32;
export const ED25519_PUBLIC_KEY_SIZE = 32;

// RFC 8410 PKCS#8 wrapping of a raw Ed25519 private key (the 32-byte seed): Node imports
// Ed25519 private keys only as PKCS#8, PEM or JWK, and this prefix is fixed for every seed.
const PKCS8_ED25519_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

export interface Ed25519KeyPair {
  readonly privateKey: KeyObject;
  readonly publicKey: KeyObject;
}

/**
 * The signing key from its 32-byte seed in base64, the form the service's configuration
 * holds it in. The error never repeats the input, which is a secret.
 */
export function ed25519KeyPairFromSeed(seedBase64: string): Ed25519KeyPair {
  const seed = decodeBase64(seedBase64, 'Ed25519 seed');
  if (seed.length !== ED25519_SEED_SIZE) {
    throw new MalformedInputError(`Ed25519 seed must be ${ED25519_SEED_SIZE} bytes, got ${seed.length}`);
  }
  const privateKey = createPrivateKey({
    key: Buffer.concat([PKCS8_ED25519_PREFIX, seed]),
    format: 'der',
    type: 'pkcs8',
  });
  return { privateKey, publicKey: createPublicKey(privateKey) };
}

/** The 32-byte RFC 8032 encoding of an Ed25519 public key, as verifier keys carry it. */
export function rawEd25519PublicKey(publicKey: KeyObject): Uint8Array {
  if (publicKey.asymmetricKeyType !== 'ed25519' || publicKey.type !== 'public') {
    throw new MalformedInputError('not an Ed25519 public key');
  }
  const { x } = publicKey.export({ format: 'jwk' });
  return Uint8Array.from(Buffer.from(x ?? '', 'base64url'));
}

/** The public key object for 32 raw bytes, to verify signatures with. */
export function ed25519PublicKeyFromRaw(raw: Uint8Array): KeyObject {
  if (raw.length !== ED25519_PUBLIC_KEY_SIZE) {
    throw new MalformedInputError(
      `Ed25519 public key must be ${ED25519_PUBLIC_KEY_SIZE} bytes, got ${raw.length}`,
    );
  }
  return createPublicKey({
    key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(raw).toString('base64url') },
    format: 'jwk',
  });
}
