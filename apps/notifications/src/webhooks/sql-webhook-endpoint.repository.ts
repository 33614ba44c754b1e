import { SealedValue, executeSql } from '@complaints/persistence';
import { EntityManager } from '@mikro-orm/postgresql';
import { EndpointScope, WebhookEndpoint, WebhookEndpointRepository } from './webhook-endpoint';

interface EndpointRow {
  id: string;
  organisation_id: string | null;
  url: string;
  event_types: string[];
  description: string | null;
  created_by: string;
  created_at: Date;
}

const COLUMNS = 'id, organisation_id, url, event_types, description, created_by, created_at';

function endpointOf(row: EndpointRow): WebhookEndpoint {
  return {
    id: row.id,
    organisationId: row.organisation_id,
    url: row.url,
    eventTypes: row.event_types,
    description: row.description,
    createdBy: row.created_by,
    createdAt: new Date(row.created_at),
  };
}

export class SqlWebhookEndpointRepository implements WebhookEndpointRepository {
  async insert(em: EntityManager, endpoint: WebhookEndpoint, secret: SealedValue): Promise<void> {
    await executeSql(
      em,
      `insert into notifications.webhook_endpoints
         (id, organisation_id, url, event_types, description, secret_key_id, secret_ciphertext, created_by, created_at)
       values (?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?)`,
      [
        endpoint.id,
        endpoint.organisationId,
        endpoint.url,
        JSON.stringify(endpoint.eventTypes),
        endpoint.description,
        secret.keyId,
        secret.ciphertext,
        endpoint.createdBy,
        endpoint.createdAt,
      ],
    );
  }

  async find(em: EntityManager, id: string): Promise<WebhookEndpoint | undefined> {
    const [row] = await executeSql<EndpointRow>(em, `select ${COLUMNS} from notifications.webhook_endpoints where id = ?`, [id]);
    return row && endpointOf(row);
  }

  async page(em: EntityManager, scope: EndpointScope, after: string | undefined, limit: number): Promise<WebhookEndpoint[]> {
    const conditions: string[] = [];
    const params: unknown[] = [];
    if (scope !== 'all') {
      conditions.push('organisation_id = ?');
      params.push(scope.organisationId);
    }
    if (after !== undefined) {
      conditions.push('id > ?');
      params.push(after);
    }
    const where = conditions.length > 0 ? `where ${conditions.join(' and ')}` : '';
    const rows = await executeSql<EndpointRow>(
      em,
      `select ${COLUMNS} from notifications.webhook_endpoints ${where} order by id limit ?`,
      [...params, limit],
    );
    return rows.map(endpointOf);
  }

  async delete(em: EntityManager, id: string): Promise<void> {
    await executeSql(em, 'delete from notifications.webhook_endpoints where id = ?', [id]);
  }

  async receiversOf(em: EntityManager, organisationId: string | null): Promise<WebhookEndpoint[]> {
    const rows = await executeSql<EndpointRow>(
      em,
      `select ${COLUMNS} from notifications.webhook_endpoints
       where organisation_id is null or organisation_id = ? order by id`,
      [organisationId],
    );
    return rows.map(endpointOf);
  }
}
