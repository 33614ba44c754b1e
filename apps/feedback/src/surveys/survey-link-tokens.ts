import { KeyObject, createHmac, timingSafeEqual } from 'node:crypto';

const UUID_BYTES = 16;
const MAC_BYTES = 32;
/** Versioned, so a later token format can sit beside this one without being confused with it. */
const PURPOSE = 'complaints/survey-link/v1';

/**
 * A survey link's token: the survey id and an HMAC-SHA256 of it under the link key,
 * base64url. The 256-bit MAC is what makes it unguessable; the id only says which survey
 * to check. Nothing is stored, so the token is in no table, event or log: feedback derives
 * it again when notifications asks for the link, and verifies it when the customer opens it.
 * Changing the key makes every link sent so far unusable.
 */
export class SurveyLinkTokens {
  constructor(private readonly key: KeyObject) {}

  tokenFor(surveyId: string): string {
    const id = uuidBytes(surveyId);
    return Buffer.concat([id, this.mac(id)]).toString('base64url');
  }

  /** The survey a genuine token names; undefined for anything forged, altered or malformed. */
  surveyIdOf(token: string): string | undefined {
    if (!/^[A-Za-z0-9_-]+$/.test(token)) return undefined;
    const bytes = Buffer.from(token, 'base64url');
    if (bytes.length !== UUID_BYTES + MAC_BYTES || bytes.toString('base64url') !== token) return undefined;
    const id = bytes.subarray(0, UUID_BYTES);
    if (!timingSafeEqual(bytes.subarray(UUID_BYTES), this.mac(id))) return undefined;
    return uuidText(id);
  }

  private mac(id: Buffer): Buffer {
    return createHmac('sha256', this.key).update(PURPOSE).update(id).digest();
  }
}

function uuidBytes(uuid: string): Buffer {
  const hex = uuid.replace(/-/g, '');
  if (!/^[0-9a-f]{32}$/i.test(hex)) throw new Error(`not a UUID: ${uuid}`);
  return Buffer.from(hex, 'hex');
}

function uuidText(bytes: Buffer): string {
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
