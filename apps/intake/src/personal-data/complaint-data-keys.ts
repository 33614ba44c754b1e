import { executeSql, PersonalDataCipher, SealedValue } from '@complaints/persistence';
import { EntityManager } from '@mikro-orm/postgresql';
import { createSecretKey, randomBytes, randomUUID } from 'node:crypto';

/** Sealed values under a complaint's own data key carry `dek:<key id>` as their key id. */
const DATA_KEY_PREFIX = 'dek:';

interface DataKeyRow {
  id: string;
  wrapped_key: Buffer | null;
  ring_key_id: string;
}

/**
 * Envelope encryption: each complaint's personal data (contact, the notes agents type) is
 * sealed under a data key of its own, and only that key is sealed by the PII_ENCRYPTION_KEYS
 * ring. Destroying the complaint's data keys erases its personal data wherever a copy of the
 * ciphertext lies, backups included (crypto-shredding), while the complaint, its clocks and
 * the register stay. Rotating the ring re-seals these small keys, never the data.
 */
export class ComplaintDataKeys {
  constructor(private readonly ring: PersonalDataCipher) {}

  /** Seals `plaintext` under the complaint's live data key, making one if it has none (new, or erased before). */
  async seal(tx: EntityManager, complaintId: string, plaintext: string, context: string): Promise<SealedValue> {
    const cipher = (await this.liveKey(tx, complaintId)) ?? (await this.newKey(tx, complaintId));
    return cipher.encrypt(plaintext, context);
  }

  /**
   * Opens a sealed value, or answers null when its data key was destroyed (the personal data
   * was erased). Values sealed before complaints had keys of their own open with the ring.
   */
  async open(em: EntityManager, sealed: SealedValue, context: string): Promise<string | null> {
    if (!sealed.keyId.startsWith(DATA_KEY_PREFIX)) return this.ring.decrypt(sealed, context);
    const id = sealed.keyId.slice(DATA_KEY_PREFIX.length);
    const [row] = await executeSql<DataKeyRow>(em, 'select id, wrapped_key, ring_key_id from intake.complaint_data_keys where id = ?', [id]);
    if (!row || row.wrapped_key === null) return null;
    return this.unwrap(row).decrypt(sealed, context);
  }

  /**
   * Destroys every data key of the complaint and, for values sealed before complaints had
   * keys of their own, the ciphertext itself. Answers whether anything was left to erase.
   */
  async destroy(tx: EntityManager, complaintId: string): Promise<boolean> {
    const destroyed = await executeSql<{ id: string }>(
      tx,
      `update intake.complaint_data_keys set wrapped_key = null, destroyed_at = clock_timestamp()
       where complaint_id = ? and wrapped_key is not null returning id`,
      [complaintId],
    );
    const legacy = await executeSql<{ id: string }>(
      tx,
      `update intake.complaints set contact_key_id = null, contact_ciphertext = null
       where id = ? and contact_key_id is not null and contact_key_id not like 'dek:%' returning id`,
      [complaintId],
    );
    await executeSql(
      tx,
      `update intake.complaint_history set note_key_id = null, note_ciphertext = null
       where complaint_id = ? and note_key_id is not null and note_key_id not like 'dek:%'`,
      [complaintId],
    );
    return destroyed.length > 0 || legacy.length > 0;
  }

  private async liveKey(tx: EntityManager, complaintId: string): Promise<PersonalDataCipher | undefined> {
    const [row] = await executeSql<DataKeyRow>(
      tx,
      `select id, wrapped_key, ring_key_id from intake.complaint_data_keys
       where complaint_id = ? and wrapped_key is not null order by created_at desc limit 1`,
      [complaintId],
    );
    return row ? this.unwrap(row) : undefined;
  }

  private async newKey(tx: EntityManager, complaintId: string): Promise<PersonalDataCipher> {
    const id = randomUUID();
    const secret = randomBytes(32);
    const wrapped = this.ring.encrypt(secret.toString('base64'), wrapContext(id));
    await executeSql(
      tx,
      'insert into intake.complaint_data_keys (id, complaint_id, ring_key_id, wrapped_key) values (?, ?, ?, ?)',
      [id, complaintId, wrapped.keyId, wrapped.ciphertext],
    );
    return new PersonalDataCipher([{ id: `${DATA_KEY_PREFIX}${id}`, secret: createSecretKey(secret) }]);
  }

  private unwrap(row: DataKeyRow): PersonalDataCipher {
    const base64 = this.ring.decrypt({ keyId: row.ring_key_id, ciphertext: row.wrapped_key as Buffer }, wrapContext(row.id));
    return new PersonalDataCipher([{ id: `${DATA_KEY_PREFIX}${row.id}`, secret: createSecretKey(Buffer.from(base64, 'base64')) }]);
  }
}

/** Authenticated with the wrapped key, so a key copied onto another row fails to open. */
function wrapContext(keyId: string): string {
  return `complaint-data-key:${keyId}`;
}
