import { AuditEntry } from '@complaints/contracts';
import { StoredEntry } from './chain-check';

export const toHex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex');

/** An entry as the API shows it: its fields, and its payload (null once purged). */
export function auditEntryView({ entry, payload }: StoredEntry): AuditEntry {
  return { ...entry, actor: { ...entry.actor }, payload };
}
