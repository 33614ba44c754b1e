import type { EncryptionKey } from '@complaints/config';
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const ALGORITHM = 'aes-256-gcm';
const KEY_BYTES = 32;
// 96-bit random IVs are GCM's recommended size; the tag is kept at its full 128 bits.
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** An encrypted value as stored: `ciphertext` is IV ‖ AES-256-GCM ciphertext ‖ tag. */
export interface SealedValue {
  readonly keyId: string;
  readonly ciphertext: Buffer;
}

/** A sealed value that cannot be opened: its key left the ring, or it was altered or moved. */
export class PersonalDataDecryptionError extends Error {
  override readonly name = 'PersonalDataDecryptionError';
}

/**
 * Encrypts customer contact data at rest with AES-256-GCM. The first key of the ring
 * encrypts; every key decrypts, so keys rotate by putting a new key first and removing the
 * old one once no row uses it any more.
 *
 * `context` (e.g. `complaint:<id>:contact`) is authenticated with the value, so a ciphertext
 * copied to another row or field fails to decrypt rather than showing one customer's data
 * as another's.
 */
export class PersonalDataCipher {
  private readonly active: EncryptionKey;
  private readonly byId: ReadonlyMap<string, EncryptionKey>;

  constructor(keys: readonly EncryptionKey[]) {
    const [active] = keys;
    if (!active) throw new Error('PersonalDataCipher needs at least one key');
    const wrongSize = keys.find((key) => key.secret.symmetricKeySize !== KEY_BYTES);
    if (wrongSize) throw new Error(`encryption key "${wrongSize.id}" must be ${KEY_BYTES} bytes`);
    this.active = active;
    this.byId = new Map(keys.map((key) => [key.id, key]));
  }

  encrypt(plaintext: string, context: string): SealedValue {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv(ALGORITHM, this.active.secret, iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(Buffer.from(context, 'utf8'));
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return { keyId: this.active.id, ciphertext: Buffer.concat([iv, body, cipher.getAuthTag()]) };
  }

  decrypt(sealed: SealedValue, context: string): string {
    const key = this.byId.get(sealed.keyId);
    if (!key) {
      throw new PersonalDataDecryptionError(
        `no encryption key "${sealed.keyId}" in PII_ENCRYPTION_KEYS; a key must stay in the ring while rows use it`,
      );
    }
    const { ciphertext } = sealed;
    const unauthentic = new PersonalDataDecryptionError(
      `personal data under key "${sealed.keyId}" failed authentication for "${context}": it was altered or belongs to another record or field`,
    );
    if (ciphertext.length < IV_BYTES + TAG_BYTES) throw unauthentic;
    const decipher = createDecipheriv(ALGORITHM, key.secret, ciphertext.subarray(0, IV_BYTES), {
      authTagLength: TAG_BYTES,
    });
    decipher.setAAD(Buffer.from(context, 'utf8'));
    decipher.setAuthTag(ciphertext.subarray(ciphertext.length - TAG_BYTES));
    try {
      const body = ciphertext.subarray(IV_BYTES, ciphertext.length - TAG_BYTES);
      // Nothing is returned before final() has checked the tag.
      return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
    } catch {
      throw unauthentic;
    }
  }

  /** Seals several fields as one value, e.g. a complaint's whole contact data. */
  encryptJson(value: unknown, context: string): SealedValue {
    return this.encrypt(JSON.stringify(value), context);
  }

  /**
   * Opens a value sealed by `encryptJson`. The type is taken on trust: GCM has proved the
   * text is what intake itself sealed for this context.
   */
  decryptJson<T>(sealed: SealedValue, context: string): T {
    return JSON.parse(this.decrypt(sealed, context)) as T;
  }
}
