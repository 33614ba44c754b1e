import fc from 'fast-check';
import { formatCheckpoint, parseCheckpoint, signCheckpoint, verifyCheckpoint } from './checkpoint';
import { ed25519KeyPairFromSeed, rawEd25519PublicKey } from './ed25519-keys';
import { signNote } from './signed-note';
import { formatVerifierKey, parseVerifierKey } from './verifier-key';

// The example checkpoint body of c2sp.org/tlog-checkpoint (its signing key is not published).
const C2SP_BODY = 'example.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n';

const origin = 'complaints.example/audit-register';
const signer = { name: origin, keyPair: ed25519KeyPairFromSeed(Buffer.alloc(32, 1).toString('base64')) };
const verifier = parseVerifierKey(formatVerifierKey(origin, rawEd25519PublicKey(signer.keyPair.publicKey)));
const checkpoint = { origin, treeSize: 42, rootHash: new Uint8Array(32).fill(0xab), extensions: [] };

describe(parseCheckpoint.name, () => {
  it('reads the published example', () => {
    const parsed = parseCheckpoint(C2SP_BODY);
    expect(parsed).toEqual({
      origin: 'example.com/behind-the-sofa',
      treeSize: 20852163,
      rootHash: Uint8Array.from(Buffer.from('CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=', 'base64')),
      extensions: [],
    });
    expect(formatCheckpoint(parsed)).toBe(C2SP_BODY);
  });

  it('keeps extension lines', () => {
    expect(parseCheckpoint(`${C2SP_BODY}one\ntwo\n`).extensions).toEqual(['one', 'two']);
  });

  it('accepts the empty tree as size 0', () => {
    expect(parseCheckpoint('log\n0\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\n').treeSize).toBe(0);
  });

  it.each([
    ['no final newline', C2SP_BODY.slice(0, -1)],
    ['only two lines', 'example.com/log\n12\n'],
    ['an empty origin', `\n${C2SP_BODY.split('\n').slice(1).join('\n')}`],
    ['a size with a leading zero', C2SP_BODY.replace('20852163', '020852163')],
    ['a negative size', C2SP_BODY.replace('20852163', '-1')],
    ['a size with a plus sign', C2SP_BODY.replace('20852163', '+1')],
    ['a size beyond 2^53', C2SP_BODY.replace('20852163', '9007199254740993')],
    [
      'a root hash of 31 bytes',
      C2SP_BODY.replace('CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=', Buffer.alloc(31).toString('base64')),
    ],
    ['a root hash without padding', C2SP_BODY.replace('q2I=', 'q2I')],
    ['an empty extension line', `${C2SP_BODY}\n`],
    ['a control character in the origin', C2SP_BODY.replace('behind', 'be\thind')],
  ])('rejects a body with %s', (_, body) => {
    expect(() => parseCheckpoint(body)).toThrow(expect.objectContaining({ name: 'MalformedInputError' }));
  });

  it('is the inverse of formatCheckpoint', () => {
    const line = fc.string({ minLength: 1 }).filter((text) => parseableLine(text));
    fc.assert(
      fc.property(
        line,
        fc.maxSafeNat(),
        fc.uint8Array({ minLength: 32, maxLength: 32 }),
        fc.array(line, { maxLength: 3 }),
        (origin, treeSize, rootHash, extensions) => {
          const value = { origin, treeSize, rootHash, extensions };
          expect(parseCheckpoint(formatCheckpoint(value))).toEqual(value);
        },
      ),
    );
  });
});

function parseableLine(text: string): boolean {
  return text.isWellFormed() && ![...text].some((char) => char < ' ');
}

describe(formatCheckpoint.name, () => {
  it('refuses what it could not parse back', () => {
    expect(() => formatCheckpoint({ ...checkpoint, origin: 'two\nlines' })).toThrow('origin');
    expect(() => formatCheckpoint({ ...checkpoint, treeSize: -1 })).toThrow('tree size');
    expect(() => formatCheckpoint({ ...checkpoint, rootHash: new Uint8Array(31) })).toThrow('root hash');
    expect(() => formatCheckpoint({ ...checkpoint, extensions: [''] })).toThrow('extension line 1');
  });
});

describe(verifyCheckpoint.name, () => {
  it('returns the checkpoint the log signed', () => {
    expect(verifyCheckpoint(signCheckpoint(checkpoint, signer), verifier, origin)).toEqual(checkpoint);
  });

  it('rejects a checkpoint of another log signed by the same key', () => {
    const elsewhere = signCheckpoint({ ...checkpoint, origin: 'complaints.example/other' }, signer);
    expect(() => verifyCheckpoint(elsewhere, verifier, origin)).toThrow(
      'not "complaints.example/audit-register"',
    );
  });

  it('rejects a checkpoint whose size was changed after signing', () => {
    const forged = signCheckpoint(checkpoint, signer).replace('\n42\n', '\n43\n');
    expect(() => verifyCheckpoint(forged, verifier, origin)).toThrow(
      expect.objectContaining({ reason: 'invalid-signature' }),
    );
  });

  it('rejects a signed note whose body is not a checkpoint', () => {
    const note = signNote('just a message\n', signer);
    expect(() => verifyCheckpoint(note, verifier, origin)).toThrow(
      expect.objectContaining({ name: 'MalformedInputError' }),
    );
  });
});
