import { DeliveryErrorClass, DeliveryStatus, MessageType } from '@complaints/domain';
import { executeSql } from '@complaints/persistence';
import { EntityManager } from '@mikro-orm/postgresql';
import { v7 as uuidv7 } from 'uuid';
import { MessageFacts } from '../messages/message-facts';
import { NotifiedComplaint } from './complaint-history';
import { AttemptResult, Delivery, DeliveryRepository } from './delivery';
import { PlannedDelivery } from './plan-deliveries';

interface DeliveryRow {
  id: string;
  complaint_id: string;
  cause_event_id: string;
  message_type: MessageType;
  recipient_kind: 'customer' | 'team';
  recipient_role: string;
  policy_id: string;
  policy_version: number;
  reference: string;
  facts: MessageFacts;
  status: DeliveryStatus;
  attempts: number;
  locale: string | null;
  next_attempt_at: Date | null;
  last_error_class: DeliveryErrorClass | null;
  last_error_code: number | null;
  sent_at: Date | null;
  created_at: Date;
}

const COLUMNS = `id, complaint_id, cause_event_id, message_type, recipient_kind, recipient_role, policy_id, policy_version,
  reference, facts, status, attempts, locale, next_attempt_at, last_error_class, last_error_code, sent_at, created_at`;

function toDelivery(row: DeliveryRow): Delivery {
  return {
    id: row.id,
    complaintId: row.complaint_id,
    causeEventId: row.cause_event_id,
    messageType: row.message_type,
    channel: 'email',
    recipient: row.recipient_kind === 'customer' ? { kind: 'customer' } : { kind: 'team', role: row.recipient_role },
    policyId: row.policy_id,
    policyVersion: row.policy_version,
    reference: row.reference,
    facts: row.facts,
    status: row.status,
    attempts: row.attempts,
    locale: row.locale,
    nextAttemptAt: row.next_attempt_at && new Date(row.next_attempt_at),
    lastError: row.last_error_class ? { class: row.last_error_class, code: row.last_error_code } : null,
    sentAt: row.sent_at && new Date(row.sent_at),
    createdAt: new Date(row.created_at),
  };
}

export class SqlDeliveryRepository implements DeliveryRepository {
  async plan(tx: EntityManager, complaint: NotifiedComplaint, causeEventId: string, planned: readonly PlannedDelivery[]): Promise<number> {
    let added = 0;
    for (const delivery of planned) {
      const rows = await executeSql(
        tx,
        `insert into notifications.deliveries
           (id, complaint_id, cause_event_id, message_type, channel, recipient_kind, recipient_role,
            policy_id, policy_version, reference, facts, status, next_attempt_at)
         values (?, ?, ?, ?, 'email', ?, ?, ?, ?, ?, ?, 'pending', clock_timestamp())
         on conflict on constraint deliveries_once do nothing
         returning id`,
        [
          uuidv7(),
          complaint.complaintId,
          causeEventId,
          delivery.messageType,
          delivery.recipient.kind,
          delivery.recipient.kind === 'team' ? delivery.recipient.role : '',
          complaint.policyId,
          complaint.policyVersion,
          complaint.reference,
          JSON.stringify(delivery.facts),
        ],
      );
      added += rows.length;
    }
    return added;
  }

  async claimDue(tx: EntityManager, now: Date, leaseMs: number, limit: number): Promise<Delivery[]> {
    const rows = await executeSql<DeliveryRow>(
      tx,
      `update notifications.deliveries d
          set attempts = d.attempts + 1, next_attempt_at = ?::timestamptz + ? * interval '1 millisecond', updated_at = clock_timestamp()
        where d.id in (
          select id from notifications.deliveries
           where status = 'pending' and next_attempt_at <= ?
           order by next_attempt_at
           limit ? for update skip locked)
        returning d.*`,
      [now, leaseMs, now, limit],
    );
    return rows.map(toDelivery);
  }

  async recordAttempt(tx: EntityManager, id: string, result: AttemptResult): Promise<void> {
    if (result.status === 'sent') {
      await executeSql(
        tx,
        `update notifications.deliveries
            set status = 'sent', locale = ?, sent_at = ?, next_attempt_at = null, updated_at = clock_timestamp()
          where id = ?`,
        [result.locale, result.at, id],
      );
      return;
    }
    await executeSql(
      tx,
      `update notifications.deliveries
          set status = ?, locale = coalesce(?, locale), next_attempt_at = ?, last_error_class = ?, last_error_code = ?,
              updated_at = clock_timestamp()
        where id = ?`,
      [result.status, result.locale, result.nextAttemptAt, result.errorClass, result.code, id],
    );
  }

  async listFor(em: EntityManager, complaintId: string): Promise<Delivery[]> {
    const rows = await executeSql<DeliveryRow>(
      em,
      `select ${COLUMNS} from notifications.deliveries where complaint_id = ? order by created_at, id`,
      [complaintId],
    );
    return rows.map(toDelivery);
  }

  async lock(tx: EntityManager, complaintId: string, id: string): Promise<Delivery | undefined> {
    const [row] = await executeSql<DeliveryRow>(
      tx,
      `select ${COLUMNS} from notifications.deliveries where id = ? and complaint_id = ? for update`,
      [id, complaintId],
    );
    return row && toDelivery(row);
  }

  async revive(tx: EntityManager, id: string, now: Date): Promise<Delivery> {
    const [row] = await executeSql<DeliveryRow>(
      tx,
      `update notifications.deliveries
          set status = 'pending', attempts = 0, next_attempt_at = ?, updated_at = clock_timestamp()
        where id = ? returning ${COLUMNS}`,
      [now, id],
    );
    if (!row) throw new Error(`delivery ${id} vanished while locked`);
    return toDelivery(row);
  }
}
