import { Actor, AuditEntryFilter } from '@complaints/contracts';
import { executeSql } from '@complaints/persistence';
import { EntityManager } from '@mikro-orm/postgresql';
import { StoredEntry } from './chain-check';
import { RegisterReader } from './register-reader';

/** The driver gives bigint as text, and timestamptz and jsonb per its type parsers: accept both forms. */
interface EntryRow {
  seq: string | number;
  event_id: string;
  type: string;
  version: number;
  occurred_at: Date | string;
  recorded_at: Date | string;
  complaint_id: string | null;
  reference: string | null;
  policy_id: string | null;
  actor: Actor | string;
  payload_digest: string;
  prev_hash: string;
  hash: string;
  data: unknown;
}

const json = (value: unknown): unknown => (typeof value === 'string' ? JSON.parse(value) : value);
const iso = (value: Date | string): string => new Date(value).toISOString();

function toStored(row: EntryRow): StoredEntry {
  return {
    entry: {
      seq: Number(row.seq),
      eventId: row.event_id,
      type: row.type,
      version: row.version,
      occurredAt: iso(row.occurred_at),
      recordedAt: iso(row.recorded_at),
      complaintId: row.complaint_id,
      reference: row.reference,
      policyId: row.policy_id,
      actor: json(row.actor) as Actor,
      payloadDigest: row.payload_digest,
      prevHash: row.prev_hash,
      hash: row.hash,
    },
    // A purged payload has no row.
    payload: row.data === null ? null : json(row.data),
  };
}

const SELECT_ENTRIES = `select e.*, p.data from audit.entries e left join audit.entry_payloads p on p.seq = e.seq`;

/** Reads of the audit schema's `entries` and `entry_payloads`. */
export class SqlRegisterReader implements RegisterReader {
  async size(em: EntityManager): Promise<number> {
    const [row] = await executeSql<{ size: string | number }>(em, `select size from audit.register_head where singleton`);
    return Number(row?.size ?? 0);
  }

  async page(em: EntityManager, filter: AuditEntryFilter, fromSeq: number, limit: number): Promise<StoredEntry[]> {
    const conditions = ['e.seq >= ?'];
    const params: unknown[] = [fromSeq];
    const where = (condition: string, value: unknown): void => {
      conditions.push(condition);
      params.push(value);
    };
    if (filter.complaintId !== undefined) where('e.complaint_id = ?', filter.complaintId);
    if (filter.reference !== undefined) where('e.reference = ?', filter.reference);
    if (filter.type !== undefined) where('e.type = ?', filter.type);
    if (filter.from !== undefined) where('e.occurred_at >= ?', new Date(filter.from));
    if (filter.to !== undefined) where('e.occurred_at < ?', new Date(filter.to));
    const rows = await executeSql<EntryRow>(
      em,
      `${SELECT_ENTRIES} where ${conditions.join(' and ')} order by e.seq limit ?`,
      [...params, limit],
    );
    return rows.map(toStored);
  }

  async range(em: EntityManager, from: number, to: number): Promise<StoredEntry[]> {
    const rows = await executeSql<EntryRow>(em, `${SELECT_ENTRIES} where e.seq >= ? and e.seq < ? order by e.seq`, [from, to]);
    return rows.map(toStored);
  }

  async hashAt(em: EntityManager, seq: number): Promise<string | undefined> {
    const [row] = await executeSql<{ hash: string }>(em, `select hash from audit.entries where seq = ?`, [seq]);
    return row?.hash;
  }
}
