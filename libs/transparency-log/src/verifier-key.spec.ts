import { decodeBase64 } from './base64';
import { formatVerifierKey, noteKeyId, parseVerifierKey } from './verifier-key';

// Published verifier keys: golang.org/x/mod sumdb/note/note_test.go (TestNewVerifier) and the
// example of c2sp.org/signed-note.
const PETER = 'PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW';
const C2SP_EXAMPLE = 'example.com/foo+530d903a+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k';

describe(parseVerifierKey.name, () => {
  it.each([PETER, C2SP_EXAMPLE])('reads %s and formats it back to the same text', (vkey) => {
    const key = parseVerifierKey(vkey);
    expect(formatVerifierKey(key.name, key.publicKey)).toBe(vkey);
    expect(key.keyId.toString(16).padStart(8, '0')).toBe(vkey.split('+')[1]);
  });

  it('computes the published key IDs from the name and the public key', () => {
    const publicKey = decodeBase64('ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW', 'key').subarray(1);
    expect(noteKeyId('PeterNeumann', publicKey)).toBe(0xc74f20a3);
  });

  // After the Go tests: no truncation and no single-character change may still parse.
  it('rejects every truncation and every one-character change of a published key', () => {
    for (let cut = 1; cut < PETER.length; cut += 1) {
      expect(() => parseVerifierKey(PETER.slice(0, cut))).toThrow();
      expect(() => parseVerifierKey(PETER.slice(cut))).toThrow();
    }
    for (let i = 0; i < PETER.length; i += 1) {
      const changed = PETER.slice(0, i) + String.fromCharCode(PETER.charCodeAt(i) + 1) + PETER.slice(i + 1);
      expect(() => parseVerifierKey(changed)).toThrow();
    }
  });

  it.each([
    [
      'a key of the wrong length, with its key ID adjusted',
      'PeterNeumann+cc469956+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TWBADKEY==',
    ],
    [
      'a key of an unknown type, with its key ID adjusted',
      'PeterNeumann+173116ae+ZRpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW',
    ],
    ['an upper-case key ID', 'PeterNeumann+C74F20A3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW'],
    ['a name with a space', 'Peter Neumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW'],
  ])('rejects %s', (_, vkey) => {
    expect(() => parseVerifierKey(vkey)).toThrow();
  });
});

describe(formatVerifierKey.name, () => {
  it.each(['', 'a+b', 'a b', 'tab\there', 'nbsp\u00a0'])('refuses the key name %j', (name) => {
    expect(() => formatVerifierKey(name, new Uint8Array(32))).toThrow('invalid key name');
  });
});
