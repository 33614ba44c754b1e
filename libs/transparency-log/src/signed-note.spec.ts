import { decodeBase64, encodeBase64 } from './base64';
import { ed25519KeyPairFromSeed, rawEd25519PublicKey } from './ed25519-keys';
import { signNote, verifyNote } from './signed-note';
import { formatVerifierKey, parseVerifierKey } from './verifier-key';

/*
 * Published examples. golang.org/x/mod sumdb/note/note_test.go (TestSign, TestOpen): Peter
 * Neumann's signing key (Go's "PRIVATE+KEY+<name>+<id>+base64(0x01 ‖ seed)"), his and Enoch
 * Root's verifier keys, and the signed note. c2sp.org/signed-note: the example verifier key
 * and the note it verifies.
 */
const PETER_SIGNING_KEY = 'AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz';
const PETER_VKEY = 'PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW';
const ENOCH_VKEY = 'EnochRoot+af0cfe78+ATtqJ7zOtqQtYqOo0CpvDXNlMhV3HeJDpjrASKGLWdop';
const PETER_TEXT =
  'If you think cryptography is the answer to your problem,\n' +
  "then you don't know what your problem is.\n";
const PETER_SIGNATURE =
  '— PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n';
const ENOCH_SIGNATURE =
  '— EnochRoot rwz+eBzmZa0SO3NbfRGzPCpDckykFXSdeX+MNtCOXm2/5n2tiOHp+vAF1aGrQ5ovTG01oOTGwnWLox33WWd1RvMc+QQ=\n';
const PETER_NOTE = `${PETER_TEXT}\n${PETER_SIGNATURE}`;

const C2SP_VKEY = 'example.com/foo+530d903a+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k';
const C2SP_NOTE =
  'This is an example message.\n\n— example.com/foo Uw2QOkn8srV1yJGh2VYRlL1Tnagv1YEq6TfXppzi2ONncAlTgK7Ztg1ERYNZXsYjOBH3mFXmRKuwHjG1Yu72IneyaQM=\n';

const peter = {
  name: 'PeterNeumann',
  keyPair: ed25519KeyPairFromSeed(encodeBase64(decodeBase64(PETER_SIGNING_KEY, 'key').subarray(1))),
};
const other = {
  name: 'PeterNeumann',
  keyPair: ed25519KeyPairFromSeed(Buffer.alloc(32, 9).toString('base64')),
};

describe(signNote.name, () => {
  it('produces the published note byte for byte (Ed25519 is deterministic)', () => {
    expect(signNote(PETER_TEXT, peter)).toBe(PETER_NOTE);
  });

  it('signs with the key the published verifier key describes', () => {
    expect(formatVerifierKey(peter.name, rawEd25519PublicKey(peter.keyPair.publicKey))).toBe(PETER_VKEY);
  });

  it.each([
    ['text without a final newline', 'no newline'],
    ['a control character', 'tab\there\n'],
    ['a lone surrogate, which is not UTF-8', 'broken \ud800\n'],
  ])('refuses %s', (_, text) => {
    expect(() => signNote(text, peter)).toThrow('note text');
  });

  it('refuses a key name with a space', () => {
    expect(() => signNote(PETER_TEXT, { ...peter, name: 'Peter Neumann' })).toThrow('invalid key name');
  });
});

describe(verifyNote.name, () => {
  it('accepts the published Go note and returns its text', () => {
    expect(verifyNote(PETER_NOTE, parseVerifierKey(PETER_VKEY))).toBe(PETER_TEXT);
  });

  it('accepts the published C2SP example', () => {
    expect(verifyNote(C2SP_NOTE, parseVerifierKey(C2SP_VKEY))).toBe('This is an example message.\n');
  });

  it('ignores signatures by other keys, in any order, as the spec requires', () => {
    const cosigned = `${PETER_TEXT}\n${ENOCH_SIGNATURE}${PETER_SIGNATURE}`;
    expect(verifyNote(cosigned, parseVerifierKey(PETER_VKEY))).toBe(PETER_TEXT);
    expect(verifyNote(cosigned, parseVerifierKey(ENOCH_VKEY))).toBe(PETER_TEXT);
  });

  it('keeps blank lines inside the text: the signatures start after the last one', () => {
    const text = 'first paragraph\n\nsecond paragraph\n';
    expect(verifyNote(signNote(text, peter), parseVerifierKey(PETER_VKEY))).toBe(text);
  });

  it('rejects a note signed only by an unknown key', () => {
    expect(() => verifyNote(PETER_NOTE, parseVerifierKey(ENOCH_VKEY))).toThrow(
      expect.objectContaining({ reason: 'unknown-key' }),
    );
  });

  it('treats a signature under the same name by another key as unknown (the key IDs differ)', () => {
    expect(() => verifyNote(signNote(PETER_TEXT, other), parseVerifierKey(PETER_VKEY))).toThrow(
      expect.objectContaining({ reason: 'unknown-key' }),
    );
  });

  it('rejects the note when the text changed by one character', () => {
    const changed = PETER_NOTE.replace('cryptography', 'cryptographY');
    expect(() => verifyNote(changed, parseVerifierKey(PETER_VKEY))).toThrow(
      expect.objectContaining({ reason: 'invalid-signature' }),
    );
  });

  it('rejects the note when any byte of the signature changed', () => {
    const vkey = parseVerifierKey(PETER_VKEY);
    const bytes = decodeBase64(PETER_SIGNATURE.slice('— PeterNeumann '.length, -1), 'signature');
    for (let i = 4; i < bytes.length; i += 1) {
      const tampered = Uint8Array.from(bytes);
      tampered[i] = (tampered[i] as number) ^ 0x01;
      const note = `${PETER_TEXT}\n— PeterNeumann ${encodeBase64(tampered)}\n`;
      expect(() => verifyNote(note, vkey)).toThrow(expect.objectContaining({ reason: 'invalid-signature' }));
    }
  });

  it.each([
    ['no blank line before the signatures', `${PETER_TEXT}${PETER_SIGNATURE}`],
    ['no final newline', PETER_NOTE.slice(0, -1)],
    ['no signature at all', `${PETER_TEXT}\n`],
    ['a hyphen instead of the em dash', PETER_NOTE.replace('— ', '- ')],
    ['a signature that is not base64', PETER_NOTE.replace('x08go/', 'x08go!')],
    ['a signature shorter than a key ID', `${PETER_TEXT}\n— PeterNeumann AAAA\n`],
    ['a carriage return', PETER_NOTE.replace('problem,\n', 'problem,\r\n')],
    ['more than 100 signatures', `${PETER_TEXT}\n${ENOCH_SIGNATURE.repeat(100)}${PETER_SIGNATURE}`],
  ])('rejects a note with %s as malformed', (_, note) => {
    expect(() => verifyNote(note, parseVerifierKey(PETER_VKEY))).toThrow(
      expect.objectContaining({ name: 'MalformedInputError' }),
    );
  });
});
