import { MalformedInputError } from './transparency-log-errors';

/**
 * Standard base64 with padding (RFC 4648 §4), as signed notes and checkpoints use it. Node's
 * decoder skips characters it does not know and accepts missing padding, so a decoded value
 * is accepted only if it encodes back to the same text: one value, one spelling.
 */
export function decodeBase64(text: string, what: string): Uint8Array {
  const bytes = Buffer.from(text, 'base64');
  if (text.length === 0 || bytes.toString('base64') !== text)
    throw new MalformedInputError(`${what} is not canonical base64`);
  return Uint8Array.from(bytes);
}

export function encodeBase64(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('base64');
}
