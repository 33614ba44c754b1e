import { Envelope } from '@complaints/contracts';
import { executeSql } from '@complaints/persistence';
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
        await executeSql(tx, 'update audit.complaint_retention set closed_at = ? where complaint_id = ?', [fact.at, id]);
        return;
      case 'reopened':
        await executeSql(tx, 'update audit.complaint_retention set closed_at = null where complaint_id = ?', [id]);
        return;
      case 'hold-placed':
        await executeSql(tx, 'update audit.complaint_retention set legal_hold_since = ? where complaint_id = ?', [fact.at, id]);
        return;
      case 'hold-released':
        await executeSql(tx, 'update audit.complaint_retention set legal_hold_since = null where complaint_id = ?', [id]);
        return;
    }
  }
}
