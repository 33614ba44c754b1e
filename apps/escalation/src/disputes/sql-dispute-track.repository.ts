import { executeSql } from '@complaints/persistence';
import { EntityManager } from '@mikro-orm/postgresql';
import {
  DisputeTierChangeRecord,
  DisputeTrack,
  DisputeTrackKey,
  DisputeTrackRepository,
} from './dispute-track';

interface TrackRow {
  current_change_id: string | null;
}

export class SqlDisputeTrackRepository implements DisputeTrackRepository {
  async lock(tx: EntityManager, key: DisputeTrackKey): Promise<DisputeTrack> {
    // Creating the row first gives two first changes of one complaint a row to queue on.
    await executeSql(
      tx,
      `insert into escalation.complaint_disputes (complaint_id, policy_id, policy_version)
       values (?, ?, ?) on conflict (complaint_id) do nothing`,
      [key.complaintId, key.policyId, key.policyVersion],
    );
    const [row] = await executeSql<TrackRow>(
      tx,
      `select current_change_id from escalation.complaint_disputes where complaint_id = ? for update`,
      [key.complaintId],
    );
    return { currentChangeId: row.current_change_id };
  }

  async moveTo(tx: EntityManager, complaintId: string, tier: number, changeId: string): Promise<void> {
    await executeSql(
      tx,
      `update escalation.complaint_disputes set tier = ?, current_change_id = ?, updated_at = clock_timestamp()
       where complaint_id = ?`,
      [tier, changeId, complaintId],
    );
  }

  async record(tx: EntityManager, change: DisputeTierChangeRecord): Promise<void> {
    // `do nothing`: a change replayed after its inbox row was purged is already in the history.
    await executeSql(
      tx,
      `insert into escalation.dispute_tier_changes
         (cause_event_id, complaint_id, from_tier, to_tier, actor_kind, actor_id, occurred_at, event_id)
       values (?, ?, ?, ?, ?, ?, ?, ?) on conflict (cause_event_id) do nothing`,
      [
        change.causeEventId,
        change.complaintId,
        change.fromTier,
        change.toTier,
        change.changedBy.kind,
        change.changedBy.id,
        change.occurredAt,
        change.eventId,
      ],
    );
  }
}
