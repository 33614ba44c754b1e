import { sign, verify } from 'node:crypto';
import { ed25519KeyPairFromSeed, rawEd25519PublicKey } from './ed25519-keys';

// RFC 8032 §7.1, TEST 1: secret key (the seed), public key, and the signature of no message.
const RFC8032_SEED = '9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60';
const RFC8032_PUBLIC = 'd75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a';
const RFC8032_SIGNATURE =
  'e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b';

const seedBase64 = Buffer.from(RFC8032_SEED, 'hex').toString('base64');

describe(ed25519KeyPairFromSeed.name, () => {
  it('derives the RFC 8032 public key from its seed', () => {
    const { publicKey } = ed25519KeyPairFromSeed(seedBase64);
    expect(Buffer.from(rawEd25519PublicKey(publicKey)).toString('hex')).toBe(RFC8032_PUBLIC);
  });

  it('signs as RFC 8032 says, and its public key verifies that', () => {
    const { privateKey, publicKey } = ed25519KeyPairFromSeed(seedBase64);
    const signature = sign(null, Buffer.alloc(0), privateKey);
    expect(signature.toString('hex')).toBe(RFC8032_SIGNATURE);
    expect(verify(null, Buffer.alloc(0), publicKey, signature)).toBe(true);
  });

  it.each([
    ['a seed of 31 bytes', Buffer.alloc(31, 7).toString('base64')],
    ['a seed of 64 bytes', Buffer.alloc(64, 7).toString('base64')],
    ['a seed that is not base64', `${seedBase64.slice(0, -2)}!=`],
    ['an empty seed', ''],
  ])('rejects %s without repeating it', (_, seed) => {
    expect(() => ed25519KeyPairFromSeed(seed)).toThrow(/Ed25519 seed/);
    try {
      ed25519KeyPairFromSeed(seed);
    } catch (error) {
      if (seed) expect((error as Error).message).not.toContain(seed);
    }
  });
});

describe(rawEd25519PublicKey.name, () => {
  it('refuses a private key, so a secret is never published as a verifier key', () => {
    const { privateKey } = ed25519KeyPairFromSeed(seedBase64);
    expect(() => rawEd25519PublicKey(privateKey)).toThrow('not an Ed25519 public key');
  });
});
