import { Actor, Envelope, TimelineEntry } from '@complaints/contracts';
import { executeSql } from '@complaints/persistence';
import { EntityManager } from '@mikro-orm/postgresql';
import { ComplaintDataKeys } from '../personal-data/complaint-data-keys';

interface HistoryRow {
  event_id: string;
  type: string;
  version: number;
  occurred_at: Date;
  actor: Actor;
  data: Record<string, unknown>;
}

/**
 * Every event on a complaint, kept for as long as the complaint (the outbox keeps them only
 * for its replay window). What the agent typed with a command is stored beside it, encrypted.
 */
export class ComplaintHistory {
  constructor(private readonly keys: ComplaintDataKeys) {}

  async record(tx: EntityManager, event: Envelope, note?: string): Promise<void> {
    const sealed =
      note === undefined || event.complaintId === null
        ? undefined
        : await this.keys.seal(tx, event.complaintId, note, noteContext(event.id));
    await executeSql(
      tx,
      `insert into intake.complaint_history (event_id, complaint_id, type, version, occurred_at, actor, data, note_key_id, note_ciphertext)
       values (?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?)`,
      [
        event.id,
        event.complaintId,
        event.type,
        event.version,
        event.occurredAt,
        JSON.stringify(event.actor),
        JSON.stringify(event.data),
        sealed?.keyId ?? null,
        sealed?.ciphertext ?? null,
      ],
    );
  }

  /** The complaint's latest event of `type`, by when it occurred; undefined when it has none. */
  async latestOfType(em: EntityManager, complaintId: string, type: string): Promise<{ eventId: string; data: unknown } | undefined> {
    const [row] = await executeSql<Pick<HistoryRow, 'event_id' | 'data'>>(
      em,
      `select event_id, data from intake.complaint_history where complaint_id = ? and type = ?
       order by occurred_at desc, event_id desc limit 1`,
      [complaintId, type],
    );
    return row && { eventId: row.event_id, data: row.data };
  }

  /**
   * What the agent typed with one event of the complaint, decrypted; null when nothing was, or it was erased.
   * Undefined when the complaint has no such event.
   */
  async noteOf(em: EntityManager, complaintId: string, eventId: string): Promise<string | null | undefined> {
    const [row] = await executeSql<{ note_key_id: string | null; note_ciphertext: Buffer | null }>(
      em,
      'select note_key_id, note_ciphertext from intake.complaint_history where complaint_id = ? and event_id = ?',
      [complaintId, eventId],
    );
    if (!row) return undefined;
    if (row.note_key_id === null || row.note_ciphertext === null) return null;
    return this.keys.open(em, { keyId: row.note_key_id, ciphertext: row.note_ciphertext }, noteContext(eventId));
  }

  /** Every event on the complaint with what the agent typed with it, for the customer's own copy of their data. */
  async withNotes(em: EntityManager, complaintId: string): Promise<(Omit<TimelineEntry, 'version' | 'data'> & { note: string | null })[]> {
    const rows = await executeSql<HistoryRow & { note_key_id: string | null; note_ciphertext: Buffer | null }>(
      em,
      `select event_id, type, version, occurred_at, actor, data, note_key_id, note_ciphertext from intake.complaint_history
       where complaint_id = ? order by occurred_at, event_id`,
      [complaintId],
    );
    const entries = [];
    for (const row of rows) {
      const sealed = row.note_key_id === null || row.note_ciphertext === null ? null : { keyId: row.note_key_id, ciphertext: row.note_ciphertext };
      entries.push({
        eventId: row.event_id,
        type: row.type,
        occurredAt: new Date(row.occurred_at).toISOString(),
        actor: row.actor,
        note: sealed === null ? null : await this.keys.open(em, sealed, noteContext(row.event_id)),
      });
    }
    return entries;
  }

  async timeline(em: EntityManager, complaintId: string): Promise<TimelineEntry[]> {
    const rows = await executeSql<HistoryRow>(
      em,
      `select event_id, type, version, occurred_at, actor, data from intake.complaint_history
       where complaint_id = ? order by occurred_at, event_id`,
      [complaintId],
    );
    return rows.map((row) => ({
      eventId: row.event_id,
      type: row.type,
      version: row.version,
      occurredAt: new Date(row.occurred_at).toISOString(),
      actor: row.actor,
      data: row.data,
    }));
  }
}

function noteContext(eventId: string): string {
  return `complaint-history:${eventId}:note`;
}
