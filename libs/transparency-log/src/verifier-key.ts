import { createHash, type KeyObject } from 'node:crypto';
import { decodeBase64, encodeBase64 } from './base64';
import { ED25519_PUBLIC_KEY_SIZE, ed25519PublicKeyFromRaw } from './ed25519-keys';
import { isValidKeyName } from './note-text';
import { MalformedInputError } from './transparency-log-errors';

/** The signature type byte C2SP signed-note assigns to plain Ed25519. */
const ED25519_SIGNATURE_TYPE = 0x01;

/** An Ed25519 verifier key of C2SP signed-note: who signs, and how to check it. */
export interface NoteVerifierKey {
  readonly name: string;
  /** The 32-bit key ID that prefixes each signature by this key. */
  readonly keyId: number;
  /** The raw 32-byte public key. */
  readonly publicKey: Uint8Array;
  /** The same key, ready for `crypto.verify`. */
  readonly key: KeyObject;
}

/** SHA-256(key name ‖ 0x0A ‖ 0x01 ‖ public key)[:4] as a big-endian uint32 (signed-note, Ed25519). */
export function noteKeyId(name: string, publicKey: Uint8Array): number {
  const digest = createHash('sha256')
    .update(name, 'utf8')
    .update(Uint8Array.of(0x0a, ED25519_SIGNATURE_TYPE))
    .update(publicKey)
    .digest();
  return digest.readUInt32BE(0);
}

/** `<name>+<8 lowercase hex of the key ID>+<base64(0x01 ‖ public key)>`, for auditors to pin. */
export function formatVerifierKey(name: string, publicKey: Uint8Array): string {
  if (!isValidKeyName(name)) throw new MalformedInputError(`invalid key name ${JSON.stringify(name)}`);
  if (publicKey.length !== ED25519_PUBLIC_KEY_SIZE) {
    throw new MalformedInputError(
      `Ed25519 public key must be ${ED25519_PUBLIC_KEY_SIZE} bytes, got ${publicKey.length}`,
    );
  }
  const keyId = noteKeyId(name, publicKey).toString(16).padStart(8, '0');
  return `${name}+${keyId}+${encodeBase64(Uint8Array.of(ED25519_SIGNATURE_TYPE, ...publicKey))}`;
}

/** Parses a verifier key, insisting that its key ID is the one its name and key produce. */
export function parseVerifierKey(vkey: string): NoteVerifierKey {
  const match = /^([^+]+)\+([0-9a-f]{8})\+(.+)$/su.exec(vkey);
  if (!match) throw new MalformedInputError('verifier key must be <name>+<8 hex>+<base64 key>');
  const [, name = '', keyIdHex = '', keyBase64 = ''] = match;
  if (!isValidKeyName(name)) throw new MalformedInputError(`invalid key name ${JSON.stringify(name)}`);
  const typed = decodeBase64(keyBase64, 'verifier public key');
  if (typed[0] !== ED25519_SIGNATURE_TYPE)
    throw new MalformedInputError('verifier key is not an Ed25519 key');
  const publicKey = typed.subarray(1);
  const key = ed25519PublicKeyFromRaw(publicKey);
  const keyId = Number.parseInt(keyIdHex, 16);
  if (keyId !== noteKeyId(name, publicKey)) {
    throw new MalformedInputError('verifier key ID does not match its name and public key');
  }
  return { name, keyId, publicKey, key };
}
