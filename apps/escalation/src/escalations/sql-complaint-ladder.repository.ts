import { executeSql } from '@complaints/persistence';
import { EntityManager } from '@mikro-orm/postgresql';
import { ComplaintLadder, ComplaintLadderRepository, LevelChange } from './complaint-ladder';

interface LevelChangeRow {
  event_id: string;
  complaint_id: string;
  from_level: number;
  to_level: number;
  trigger: LevelChange['trigger'];
  metric: string | null;
  cause_event_id: string;
  occurred_at: Date | string;
}

interface LadderRow {
  complaint_id: string;
  policy_id: string;
  policy_version: number;
  level: number;
}

export class SqlComplaintLadderRepository implements ComplaintLadderRepository {
  async start(tx: EntityManager, ladder: Omit<ComplaintLadder, 'level'>): Promise<void> {
    // `do nothing`: a complaint.received replayed after its inbox row was purged must not reset the level.
    await executeSql(
      tx,
      `insert into escalation.complaint_ladders (complaint_id, policy_id, policy_version, level)
       values (?, ?, ?, 1) on conflict (complaint_id) do nothing`,
      [ladder.complaintId, ladder.policyId, ladder.policyVersion],
    );
  }

  async lock(tx: EntityManager, complaintId: string): Promise<ComplaintLadder | undefined> {
    const [row] = await executeSql<LadderRow>(
      tx,
      `select complaint_id, policy_id, policy_version, level from escalation.complaint_ladders
       where complaint_id = ? for update`,
      [complaintId],
    );
    return row
      ? {
          complaintId: row.complaint_id,
          policyId: row.policy_id,
          policyVersion: row.policy_version,
          level: row.level,
        }
      : undefined;
  }

  async raise(tx: EntityManager, change: LevelChange): Promise<void> {
    await executeSql(
      tx,
      `update escalation.complaint_ladders set level = ?, updated_at = clock_timestamp() where complaint_id = ?`,
      [change.toLevel, change.complaintId],
    );
    await executeSql(
      tx,
      `insert into escalation.level_changes
         (event_id, complaint_id, from_level, to_level, trigger, metric, cause_event_id, occurred_at)
       values (?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        change.eventId,
        change.complaintId,
        change.fromLevel,
        change.toLevel,
        change.trigger,
        change.metric,
        change.causeEventId,
        change.occurredAt,
      ],
    );
  }

  async raiseCausedBy(tx: EntityManager, complaintId: string, causeEventId: string): Promise<LevelChange | undefined> {
    const [row] = await executeSql<LevelChangeRow>(
      tx,
      `select * from escalation.level_changes
       where complaint_id = ? and cause_event_id = ? and withdrawn_by is null`,
      [complaintId, causeEventId],
    );
    return row && levelChangeOf(row);
  }

  async lastBreachRaise(tx: EntityManager, complaintId: string, metric: string): Promise<LevelChange | undefined> {
    const [row] = await executeSql<LevelChangeRow>(
      tx,
      `select * from escalation.level_changes
       where complaint_id = ? and trigger = 'clock_breach' and metric = ? and withdrawn_by is null
       order by occurred_at desc limit 1`,
      [complaintId, metric],
    );
    return row && levelChangeOf(row);
  }

  async lower(tx: EntityManager, lowering: { complaintId: string; toLevel: number; undone: string; eventId: string }): Promise<void> {
    await executeSql(
      tx,
      `update escalation.complaint_ladders set level = ?, updated_at = clock_timestamp() where complaint_id = ?`,
      [lowering.toLevel, lowering.complaintId],
    );
    await executeSql(tx, `update escalation.level_changes set withdrawn_by = ? where event_id = ?`, [
      lowering.eventId,
      lowering.undone,
    ]);
  }
}

function levelChangeOf(row: LevelChangeRow): LevelChange {
  return {
    eventId: row.event_id,
    complaintId: row.complaint_id,
    fromLevel: row.from_level,
    toLevel: row.to_level,
    trigger: row.trigger,
    metric: row.metric,
    causeEventId: row.cause_event_id,
    occurredAt: new Date(row.occurred_at),
  };
}
