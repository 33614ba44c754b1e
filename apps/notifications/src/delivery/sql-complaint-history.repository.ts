import { executeSql } from '@complaints/persistence';
import { EntityManager } from '@mikro-orm/postgresql';
import { HistoryStep } from '../messages/message-facts';
import { ComplaintHistoryRepository, NotifiedComplaint } from './complaint-history';

interface ComplaintRow {
  complaint_id: string;
  policy_id: string;
  policy_version: number;
  reference: string;
}

export class SqlComplaintHistoryRepository implements ComplaintHistoryRepository {
  async remember(tx: EntityManager, complaint: NotifiedComplaint): Promise<void> {
    await executeSql(
      tx,
      `insert into notifications.complaints (complaint_id, policy_id, policy_version, reference)
       values (?, ?, ?, ?) on conflict (complaint_id) do nothing`,
      [complaint.complaintId, complaint.policyId, complaint.policyVersion, complaint.reference],
    );
  }

  async find(em: EntityManager, complaintId: string): Promise<NotifiedComplaint | undefined> {
    const [row] = await executeSql<ComplaintRow>(
      em,
      `select complaint_id, policy_id, policy_version, reference from notifications.complaints where complaint_id = ?`,
      [complaintId],
    );
    return row && { complaintId: row.complaint_id, policyId: row.policy_id, policyVersion: row.policy_version, reference: row.reference };
  }

  async recordStep(tx: EntityManager, complaintId: string, eventId: string, step: HistoryStep): Promise<void> {
    await executeSql(
      tx,
      `insert into notifications.history (complaint_id, event_id, occurred_at, step) values (?, ?, ?, ?)
       on conflict (complaint_id, event_id) do nothing`,
      [complaintId, eventId, step.at, JSON.stringify(step)],
    );
  }

  async stepsOf(tx: EntityManager, complaintId: string): Promise<HistoryStep[]> {
    const rows = await executeSql<{ step: HistoryStep }>(
      tx,
      `select step from notifications.history where complaint_id = ? order by occurred_at, event_id`,
      [complaintId],
    );
    return rows.map((row) => row.step);
  }
}
