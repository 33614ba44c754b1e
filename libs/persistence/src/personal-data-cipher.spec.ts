import { createSecretKey, randomBytes } from 'node:crypto';
import type { EncryptionKey } from '@complaints/config';
import { PersonalDataCipher, PersonalDataDecryptionError, SealedValue } from './personal-data-cipher';

function newKey(id: string): EncryptionKey {
  return { id, secret: createSecretKey(randomBytes(32)) };
}

function flipByte(sealed: SealedValue, index: number): SealedValue {
  const ciphertext = Buffer.from(sealed.ciphertext);
  ciphertext[index] ^= 0x01;
  return { ...sealed, ciphertext };
}

describe(PersonalDataCipher.name, () => {
  const context = 'complaint:0196f3c4-8a59-7b1e-9b1a-2f7c8d9e0a1b:contact';
  const k1 = newKey('k1');
  const k2 = newKey('k2');
  const cipher = new PersonalDataCipher([k1]);

  it('decrypts what it encrypted, laid out as IV ‖ ciphertext ‖ tag', () => {
    const plaintext = 'Nguyễn Thị Minh Khai <khai@example.vn> 💬';
    const sealed = cipher.encrypt(plaintext, context);
    expect(sealed.keyId).toBe('k1');
    expect(sealed.ciphertext.length).toBe(12 + Buffer.byteLength(plaintext, 'utf8') + 16);
    expect(sealed.ciphertext.toString('utf8')).not.toContain('khai@example.vn');
    expect(cipher.decrypt(sealed, context)).toBe(plaintext);
  });

  it('uses a fresh IV each time, so equal values do not look equal at rest', () => {
    const first = cipher.encrypt('same', context);
    const second = cipher.encrypt('same', context);
    expect(first.ciphertext.subarray(0, 12).equals(second.ciphertext.subarray(0, 12))).toBe(false);
    expect(first.ciphertext.equals(second.ciphertext)).toBe(false);
  });

  it('round-trips an object of fields as one sealed value', () => {
    const contact = {
      customer: { name: 'Ada Lovelace', email: 'ada@example.org', phone: '+44 20 7946 0000', locale: 'en' },
      subject: 'Late delivery',
      description: 'Ordered on 2 March, nothing arrived.',
      sellerName: 'Acme',
    };
    expect(cipher.decryptJson(cipher.encryptJson(contact, context), context)).toEqual(contact);
  });

  it('encrypts with the first key of a rotated ring and still decrypts with the older keys', () => {
    const before = cipher.encrypt('written before rotation', context);
    const rotated = new PersonalDataCipher([k2, k1]);
    expect(rotated.decrypt(before, context)).toBe('written before rotation');
    const after = rotated.encrypt('written after rotation', context);
    expect(after.keyId).toBe('k2');
    expect(rotated.decrypt(after, context)).toBe('written after rotation');
  });

  it('names the missing key when a value was sealed with a key no longer in the ring', () => {
    const sealed = new PersonalDataCipher([k2]).encrypt('secret', context);
    expect(() => cipher.decrypt(sealed, context)).toThrow(PersonalDataDecryptionError);
    expect(() => cipher.decrypt(sealed, context)).toThrow(/no encryption key "k2"/);
  });

  it.each([
    ['the IV', 0],
    ['the ciphertext', 14],
    ['the tag', -1],
  ])('detects a change to %s', (_part, index) => {
    const sealed = cipher.encrypt('Ada Lovelace', context);
    const tampered = flipByte(sealed, index < 0 ? sealed.ciphertext.length + index : index);
    expect(() => cipher.decrypt(tampered, context)).toThrow(PersonalDataDecryptionError);
    expect(() => cipher.decrypt(tampered, context)).toThrow(/failed authentication/);
  });

  it('detects a truncated value', () => {
    const sealed = cipher.encrypt('Ada Lovelace', context);
    expect(() =>
      cipher.decrypt({ ...sealed, ciphertext: sealed.ciphertext.subarray(0, 27) }, context),
    ).toThrow(PersonalDataDecryptionError);
    expect(() =>
      cipher.decrypt(
        { ...sealed, ciphertext: sealed.ciphertext.subarray(0, sealed.ciphertext.length - 1) },
        context,
      ),
    ).toThrow(PersonalDataDecryptionError);
  });

  it('refuses a value moved to another record or field, or relabelled with another key', () => {
    const ring = new PersonalDataCipher([k1, k2]);
    const sealed = ring.encrypt('Ada Lovelace', context);
    expect(() => ring.decrypt(sealed, 'complaint:0196f3c4-0000-7000-8000-000000000000:contact')).toThrow(
      /failed authentication for "complaint:0196f3c4-0000-7000-8000-000000000000:contact"/,
    );
    expect(() => ring.decrypt(sealed, context.replace(':contact', ':description'))).toThrow(
      PersonalDataDecryptionError,
    );
    expect(() => ring.decrypt({ ...sealed, keyId: 'k2' }, context)).toThrow(PersonalDataDecryptionError);
  });

  it('needs at least one key, each of 32 bytes', () => {
    expect(() => new PersonalDataCipher([])).toThrow(/at least one key/);
    expect(() => new PersonalDataCipher([{ id: 'short', secret: createSecretKey(randomBytes(16)) }])).toThrow(
      /"short" must be 32 bytes/,
    );
  });
});
