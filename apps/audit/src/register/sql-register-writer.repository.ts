import { executeSql, pgArray } from '@complaints/persistence';
import { EntityManager } from '@mikro-orm/postgresql';
import { RegisterHead } from './register-entry';
import { NewEntry, RegisterWriter } from './register-writer';

/** `(?, ?, …), (?, ?, …)`: one row of placeholders per item, for a multi-row insert. */
const rowsOf = (count: number, row: string): string => Array.from({ length: count }, () => row).join(', ');

/** The audit schema's `register_head`, `entries` and `entry_payloads`, in plain SQL. */
export class SqlRegisterWriter implements RegisterWriter {
  async lockHead(tx: EntityManager): Promise<RegisterHead> {
    const [row] = await executeSql<{ size: string | number; last_hash: string }>(
      tx,
      `select size, last_hash from audit.register_head where singleton for update`,
    );
    if (!row) throw new Error('audit.register_head has no row: the register migration did not run');
    return { size: Number(row.size), lastHash: row.last_hash };
  }

  async recordedEvents(tx: EntityManager, eventIds: readonly string[]): Promise<Set<string>> {
    const rows = await executeSql<{ event_id: string }>(tx, `select event_id from audit.entries where event_id = any(?::uuid[])`, [
      pgArray(eventIds),
    ]);
    return new Set(rows.map((row) => row.event_id));
  }

  async referencesOf(tx: EntityManager, complaintIds: readonly string[]): Promise<Map<string, string>> {
    const rows = await executeSql<{ complaint_id: string; reference: string }>(
      tx,
      `select distinct on (complaint_id) complaint_id, reference from audit.entries
        where complaint_id = any(?::uuid[]) and reference is not null
        order by complaint_id, seq`,
      [pgArray(complaintIds)],
    );
    return new Map(rows.map((row) => [row.complaint_id, row.reference]));
  }

  async append(tx: EntityManager, entries: readonly NewEntry[]): Promise<void> {
    const last = entries.at(-1)?.entry;
    if (!last) return;
    await executeSql(
      tx,
      `insert into audit.entries (seq, event_id, type, version, occurred_at, recorded_at, complaint_id, reference,
         policy_id, actor, payload_digest, prev_hash, hash)
       values ${rowsOf(entries.length, '(?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?)')}`,
      entries.flatMap(({ entry }) => [
        entry.seq,
        entry.eventId,
        entry.type,
        entry.version,
        entry.occurredAt,
        entry.recordedAt,
        entry.complaintId,
        entry.reference,
        entry.policyId,
        JSON.stringify(entry.actor),
        entry.payloadDigest,
        entry.prevHash,
        entry.hash,
      ]),
    );
    await executeSql(
      tx,
      `insert into audit.entry_payloads (seq, data) values ${rowsOf(entries.length, '(?, ?::jsonb)')}`,
      entries.flatMap(({ entry, payload }) => [entry.seq, JSON.stringify(payload)]),
    );
    await executeSql(tx, `update audit.register_head set size = ?, last_hash = ? where singleton`, [last.seq + 1, last.hash]);
  }
}
