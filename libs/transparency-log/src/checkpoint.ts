import { decodeBase64, encodeBase64 } from './base64';
import { HASH_SIZE } from './merkle-hash';
import { isValidNoteText } from './note-text';
import { type NoteSigner, signNote, verifyNote } from './signed-note';
import { MalformedInputError } from './transparency-log-errors';
import type { NoteVerifierKey } from './verifier-key';

/** A C2SP tlog-checkpoint: the log's identity, size and root at one moment. */
export interface Checkpoint {
  /** Names the log; the signing key's name should be the same. */
  readonly origin: string;
  readonly treeSize: number;
  readonly rootHash: Uint8Array;
  /** Opaque lines after the root; the spec discourages them because monitors cannot audit them. */
  readonly extensions: readonly string[];
}

/** Tree size in decimal, no leading zero unless the tree is empty. */
const DECIMAL = /^(0|[1-9][0-9]*)$/;

/** `<origin>\n<tree size>\n<base64 root hash>\n`, then one line per extension. */
export function formatCheckpoint(checkpoint: Checkpoint): string {
  assertLine(checkpoint.origin, 'origin');
  if (!Number.isSafeInteger(checkpoint.treeSize) || checkpoint.treeSize < 0) {
    throw new MalformedInputError(
      `tree size must be a non-negative safe integer, got ${checkpoint.treeSize}`,
    );
  }
  if (checkpoint.rootHash.length !== HASH_SIZE)
    throw new MalformedInputError(`root hash must be ${HASH_SIZE} bytes`);
  checkpoint.extensions.forEach((line, i) => assertLine(line, `extension line ${i + 1}`));
  const lines = [
    checkpoint.origin,
    String(checkpoint.treeSize),
    encodeBase64(checkpoint.rootHash),
    ...checkpoint.extensions,
  ];
  return lines.map((line) => `${line}\n`).join('');
}

/** The checkpoint a note body states; anything that is not exactly that form is rejected. */
export function parseCheckpoint(body: string): Checkpoint {
  if (!body.endsWith('\n')) throw new MalformedInputError('checkpoint must end with a newline');
  const [origin = '', size = '', root = '', ...extensions] = body.slice(0, -1).split('\n');
  assertLine(origin, 'origin');
  if (!DECIMAL.test(size) || !Number.isSafeInteger(Number(size))) {
    throw new MalformedInputError('checkpoint tree size must be a decimal number without leading zeros');
  }
  const rootHash = decodeBase64(root, 'checkpoint root hash');
  if (rootHash.length !== HASH_SIZE)
    throw new MalformedInputError(`checkpoint root hash must be ${HASH_SIZE} bytes`);
  extensions.forEach((line, i) => assertLine(line, `extension line ${i + 1}`));
  return { origin, treeSize: Number(size), rootHash, extensions };
}

/** The checkpoint as a signed note, ready to publish. */
export function signCheckpoint(checkpoint: Checkpoint, signer: NoteSigner): string {
  return signNote(formatCheckpoint(checkpoint), signer);
}

/**
 * What an auditor runs on a published checkpoint: the signature by the pinned key must verify
 * and the origin must be the log the auditor means, so that a checkpoint of another log signed
 * by the same key cannot be passed off as this one.
 */
export function verifyCheckpoint(signedNote: string, verifier: NoteVerifierKey, origin: string): Checkpoint {
  const checkpoint = parseCheckpoint(verifyNote(signedNote, verifier));
  if (checkpoint.origin !== origin) {
    throw new MalformedInputError(
      `checkpoint is for ${JSON.stringify(checkpoint.origin)}, not ${JSON.stringify(origin)}`,
    );
  }
  return checkpoint;
}

function assertLine(line: string, what: string): void {
  if (line.length === 0 || line.includes('\n') || !isValidNoteText(line)) {
    throw new MalformedInputError(`checkpoint ${what} must be a non-empty line of text`);
  }
}
