import { executeSql } from '@complaints/persistence';
import { EntityManager } from '@mikro-orm/postgresql';
import { RegisterEntry, RegisterHead } from './register-entry';
import { RegisterWriter } from './register-writer';

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

  async hasEvent(tx: EntityManager, eventId: string): Promise<boolean> {
    const rows = await executeSql(tx, `select 1 from audit.entries where event_id = ?`, [eventId]);
    return rows.length > 0;
  }

  async referenceOf(tx: EntityManager, complaintId: string): Promise<string | null> {
    const [row] = await executeSql<{ reference: string }>(
      tx,
      `select reference from audit.entries where complaint_id = ? and reference is not null order by seq limit 1`,
      [complaintId],
    );
    return row?.reference ?? null;
  }

  async append(tx: EntityManager, entry: RegisterEntry, payload: unknown): Promise<void> {
    await executeSql(
      tx,
      `insert into audit.entries (seq, event_id, type, version, occurred_at, recorded_at, complaint_id, reference,
         policy_id, actor, payload_digest, prev_hash, hash)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?)`,
      [
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
      ],
    );
    await executeSql(tx, `insert into audit.entry_payloads (seq, data) values (?, ?::jsonb)`, [entry.seq, JSON.stringify(payload)]);
    await executeSql(tx, `update audit.register_head set size = ?, last_hash = ? where singleton`, [entry.seq + 1, entry.hash]);
  }
}
