import { Envelope, RegisterPayloadsPurgedV1 } from '@complaints/contracts';
import { executeSql, pgArray } from '@complaints/persistence';
import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { retentionFactOf } from './retention-facts';

/**
 * Keeps each complaint's retention record in step with the entries appended for it, in the
 * append's transaction, so the record never disagrees with the register. Events come in the
 * register's order; a complaint whose receipt is not recorded has no record to change.
 */
@Injectable()
export class TrackRetention {
  async execute(tx: EntityManager, event: Envelope): Promise<void> {
    const fact = retentionFactOf(event);
    if (fact === null || event.complaintId === null) return;
    const id = event.complaintId;
    switch (fact.kind) {
      case 'received':
        await executeSql(
          tx,
          `insert into audit.complaint_retention (complaint_id, policy_id, policy_version, reference) values (?, ?, ?, ?)
           on conflict (complaint_id) do nothing`,
          [id, fact.policyId, fact.policyVersion, fact.reference],
        );
        return;
      case 'closed':
        await executeSql(tx, 'update audit.complaint_retention set closed_at = ? where complaint_id = ?', [
          fact.at,
          id,
        ]);
        return;
      case 'reopened':
        // Open again: its new entries keep their payloads, and its next closure starts a new retention.
        await executeSql(
          tx,
          'update audit.complaint_retention set closed_at = null, payloads_purged_at = null where complaint_id = ?',
          [id],
        );
        return;
      case 'hold-placed':
        await executeSql(
          tx,
          'update audit.complaint_retention set legal_hold_since = ? where complaint_id = ?',
          [fact.at, id],
        );
        return;
      case 'hold-released':
        await executeSql(
          tx,
          'update audit.complaint_retention set legal_hold_since = null where complaint_id = ?',
          [id],
        );
        return;
    }
  }

  /**
   * Entries that reach the register after their complaint's payloads were purged (a late
   * notification outcome, an sla event from a replica that was behind) keep no payload either:
   * the retention that purged the others has ended for them too. The purge's own entry keeps
   * its payload. The records are read with a share lock, so a purge running meanwhile either
   * finishes first (and is seen here) or waits for this append (and deletes these payloads
   * itself).
   */
  async dropLatePayloads(tx: EntityManager, appended: readonly Envelope[]): Promise<void> {
    const late = appended.filter(
      (event) => event.complaintId !== null && event.type !== RegisterPayloadsPurgedV1.type,
    );
    if (late.length === 0) return;
    const complaints = [...new Set(late.map((event) => event.complaintId as string))];
    const records = await executeSql<{ complaint_id: string; payloads_purged_at: Date | null }>(
      tx,
      `select complaint_id, payloads_purged_at from audit.complaint_retention where complaint_id = any(?::uuid[]) for share`,
      [pgArray(complaints)],
    );
    const purged = new Set(
      records.filter((record) => record.payloads_purged_at !== null).map((record) => record.complaint_id),
    );
    if (purged.size === 0) return;
    const events = late.filter((event) => purged.has(event.complaintId as string)).map((event) => event.id);
    await executeSql(
      tx,
      `delete from audit.entry_payloads p using audit.entries e where p.seq = e.seq and e.event_id = any(?::uuid[])`,
      [pgArray(events)],
    );
  }
}
