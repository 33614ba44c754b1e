import { WebhookDeliveryView } from '@complaints/contracts';
import { executeSql } from '@complaints/persistence';
import { EntityManager } from '@mikro-orm/postgresql';
import { AttemptRecord, DueWebhookDelivery, NewWebhookDelivery, WebhookDeliveryRepository } from './webhook-delivery';

interface DueRow {
  id: string;
  endpoint_id: string;
  event_id: string;
  event_type: string;
  complaint_id: string | null;
  url: string;
  payload: string;
  attempts: number;
  secret_key_id: string;
  secret_ciphertext: Buffer;
}

interface DeliveryRow {
  id: string;
  event_id: string;
  event_type: string;
  complaint_id: string | null;
  status: WebhookDeliveryView['status'];
  attempts: number;
  next_attempt_at: Date | null;
  last_status_code: number | null;
  last_error: string | null;
  delivered_at: Date | null;
  created_at: Date;
}

const iso = (date: Date | null): string | null => (date === null ? null : new Date(date).toISOString());

const VIEW_COLUMNS = `id, event_id, event_type, complaint_id, status, attempts, next_attempt_at, last_status_code, last_error,
  delivered_at, created_at`;

function viewOf(row: DeliveryRow): WebhookDeliveryView {
  return {
    id: row.id,
    eventId: row.event_id,
    eventType: row.event_type,
    complaintId: row.complaint_id,
    status: row.status,
    attempts: row.attempts,
    nextAttemptAt: iso(row.next_attempt_at),
    lastStatusCode: row.last_status_code,
    lastError: row.last_error,
    deliveredAt: iso(row.delivered_at),
    createdAt: iso(row.created_at) as string,
  };
}

export class SqlWebhookDeliveryRepository implements WebhookDeliveryRepository {
  async queue(em: EntityManager, deliveries: readonly NewWebhookDelivery[]): Promise<void> {
    for (const delivery of deliveries) {
      // The unique (event_id, endpoint_id) is what makes a redelivered event send nothing
      // twice, even once the inbox has forgotten the event.
      await executeSql(
        em,
        `insert into notifications.webhook_deliveries (id, endpoint_id, event_id, event_type, complaint_id, payload)
         values (?, ?, ?, ?, ?, ?) on conflict (event_id, endpoint_id) do nothing`,
        [delivery.id, delivery.endpointId, delivery.eventId, delivery.eventType, delivery.complaintId, delivery.payload],
      );
    }
  }

  async claimDue(em: EntityManager, limit: number, leaseMs: number): Promise<DueWebhookDelivery[]> {
    const rows = await executeSql<DueRow>(
      em,
      `with due as (
         select id from notifications.webhook_deliveries
         where status = 'pending' and next_attempt_at <= clock_timestamp()
         order by next_attempt_at
         limit ?
         for update skip locked
       ), claimed as (
         update notifications.webhook_deliveries d
         set next_attempt_at = clock_timestamp() + make_interval(secs => ? / 1000.0)
         from due where d.id = due.id
         returning d.id, d.endpoint_id, d.event_id, d.event_type, d.complaint_id, d.payload, d.attempts
       )
       select c.id, c.endpoint_id, c.event_id, c.event_type, c.complaint_id, c.payload, c.attempts, e.url, e.secret_key_id,
              e.secret_ciphertext
       from claimed c join notifications.webhook_endpoints e on e.id = c.endpoint_id`,
      [limit, leaseMs],
    );
    return rows.map((row) => ({
      id: row.id,
      endpointId: row.endpoint_id,
      eventId: row.event_id,
      eventType: row.event_type,
      complaintId: row.complaint_id,
      url: row.url,
      payload: row.payload,
      attemptsMade: row.attempts,
      secret: { keyId: row.secret_key_id, ciphertext: row.secret_ciphertext },
    }));
  }

  async record(em: EntityManager, deliveryId: string, attempt: AttemptRecord): Promise<boolean> {
    const error = attempt.status === 'delivered' ? null : attempt.error;
    const nextAttemptAt = attempt.status === 'pending' ? attempt.nextAttemptAt : null;
    const updated = await executeSql<{ id: string }>(
      em,
      `update notifications.webhook_deliveries
       set status = ?, attempts = attempts + 1, last_status_code = ?, last_error = ?, next_attempt_at = ?,
           delivered_at = case when ? = 'delivered' then clock_timestamp() end
       where id = ? and status = 'pending'
       returning id`,
      [attempt.status, attempt.statusCode, error, nextAttemptAt, attempt.status, deliveryId],
    );
    return updated.length > 0;
  }

  async lock(em: EntityManager, endpointId: string, deliveryId: string): Promise<WebhookDeliveryView | undefined> {
    const [row] = await executeSql<DeliveryRow>(
      em,
      `select ${VIEW_COLUMNS} from notifications.webhook_deliveries where id = ? and endpoint_id = ? for update`,
      [deliveryId, endpointId],
    );
    return row && viewOf(row);
  }

  async revive(em: EntityManager, deliveryId: string): Promise<WebhookDeliveryView> {
    // Attempts start again from zero so the retry schedule runs in full, as for a new delivery.
    const [row] = await executeSql<DeliveryRow>(
      em,
      `update notifications.webhook_deliveries
       set status = 'pending', attempts = 0, next_attempt_at = clock_timestamp()
       where id = ? and status = 'dead'
       returning ${VIEW_COLUMNS}`,
      [deliveryId],
    );
    if (!row) throw new Error(`webhook delivery ${deliveryId} is not dead`);
    return viewOf(row);
  }

  async recent(em: EntityManager, endpointId: string, limit: number): Promise<WebhookDeliveryView[]> {
    const rows = await executeSql<DeliveryRow>(
      em,
      `select ${VIEW_COLUMNS} from notifications.webhook_deliveries where endpoint_id = ? order by created_at desc, id desc limit ?`,
      [endpointId, limit],
    );
    return rows.map(viewOf);
  }
}

