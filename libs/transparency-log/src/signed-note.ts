import { sign, verify } from 'node:crypto';
import { decodeBase64, encodeBase64 } from './base64';
import { type Ed25519KeyPair, rawEd25519PublicKey } from './ed25519-keys';
import { isValidKeyName, isValidNoteText } from './note-text';
import { MalformedInputError, NoteVerificationError } from './transparency-log-errors';
import { noteKeyId, type NoteVerifierKey } from './verifier-key';

/** Each signature line starts with an em dash (U+2014) and a space. */
const SIGNATURE_PREFIX = '\u2014 ';

// C2SP signed-note asks verifiers to cap the signatures they read and to accept at least 16;
// a checkpoint carries the log's signature plus a handful of witness cosignatures.
const MAX_SIGNATURES = 100;

const KEY_ID_SIZE = 4;
const ED25519_SIGNATURE_SIZE = 64;

/** The name a note is signed under, and the key that signs it. */
export interface NoteSigner {
  readonly name: string;
  readonly keyPair: Ed25519KeyPair;
}

/**
 * `body`, a blank line and one signature line: `— <name> base64(key ID ‖ Ed25519 signature)`.
 * The signature covers the body exactly, final newline included.
 */
export function signNote(body: string, signer: NoteSigner): string {
  if (!body.endsWith('\n') || !isValidNoteText(body)) {
    throw new MalformedInputError(
      'note text must be valid text ending in a newline, with no other control character',
    );
  }
  if (!isValidKeyName(signer.name))
    throw new MalformedInputError(`invalid key name ${JSON.stringify(signer.name)}`);
  const keyId = Buffer.alloc(KEY_ID_SIZE);
  keyId.writeUInt32BE(noteKeyId(signer.name, rawEd25519PublicKey(signer.keyPair.publicKey)));
  const signature = sign(null, Buffer.from(body, 'utf8'), signer.keyPair.privateKey);
  return `${body}\n${SIGNATURE_PREFIX}${signer.name} ${encodeBase64(Buffer.concat([keyId, signature]))}\n`;
}

/**
 * The text of `note` once a signature by `verifier` checks out; the text must not be used
 * otherwise. Signatures by other keys (witnesses, a rotated key) are ignored, as the spec
 * requires; a signature by this key that fails rejects the whole note.
 */
export function verifyNote(note: string, verifier: NoteVerifierKey): string {
  if (!isValidNoteText(note))
    throw new MalformedInputError('note holds a control character or malformed Unicode');
  // The text ends at the last blank line: the text itself may contain blank lines.
  const split = note.lastIndexOf('\n\n');
  if (split < 0) throw new MalformedInputError('note has no blank line before its signatures');
  const text = note.slice(0, split + 1);
  const signatureBlock = note.slice(split + 2);
  if (!signatureBlock.endsWith('\n'))
    throw new MalformedInputError('note does not end with a signature line');
  const lines = signatureBlock.slice(0, -1).split('\n');
  if (lines.length > MAX_SIGNATURES)
    throw new MalformedInputError(`note has more than ${MAX_SIGNATURES} signatures`);

  let verified = false;
  for (const line of lines) {
    const { name, keyId, signature } = parseSignatureLine(line);
    if (name !== verifier.name || keyId !== verifier.keyId) continue;
    const valid =
      signature.length === ED25519_SIGNATURE_SIZE &&
      verify(null, Buffer.from(text, 'utf8'), verifier.key, signature);
    if (!valid) throw new NoteVerificationError('invalid-signature', `signature by ${name} does not verify`);
    verified = true;
  }
  if (!verified) {
    throw new NoteVerificationError('unknown-key', `note carries no signature by ${verifier.name}`);
  }
  return text;
}

function parseSignatureLine(line: string): { name: string; keyId: number; signature: Uint8Array } {
  if (!line.startsWith(SIGNATURE_PREFIX))
    throw new MalformedInputError('signature line must start with "— "');
  const rest = line.slice(SIGNATURE_PREFIX.length);
  const space = rest.indexOf(' ');
  const name = rest.slice(0, space);
  if (space < 0 || !isValidKeyName(name))
    throw new MalformedInputError('signature line has no valid key name');
  const bytes = decodeBase64(rest.slice(space + 1), `signature by ${name}`);
  if (bytes.length <= KEY_ID_SIZE) throw new MalformedInputError(`signature by ${name} is too short`);
  return {
    name,
    keyId: Buffer.from(bytes).readUInt32BE(0),
    signature: bytes.subarray(KEY_ID_SIZE),
  };
}
