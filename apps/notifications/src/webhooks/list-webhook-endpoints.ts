import { ListWebhookEndpointsRequest, WebhookEndpointPage } from '@complaints/contracts';
import { InvalidInputError } from '@complaints/domain';
import { isUuid } from '@complaints/persistence';
import { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable } from '@nestjs/common';
import { requireAdmin, scopeOf } from './endpoint-access';
import { WEBHOOK_ENDPOINTS, WebhookEndpointRepository, viewOf } from './webhook-endpoint';

/** The endpoints an admin may see, a page at a time; no secret is ever shown again. */
@Injectable()
export class ListWebhookEndpoints {
  constructor(
    private readonly em: EntityManager,
    @Inject(WEBHOOK_ENDPOINTS) private readonly endpoints: WebhookEndpointRepository,
  ) {}

  async execute({ principal, cursor, limit }: ListWebhookEndpointsRequest): Promise<WebhookEndpointPage> {
    requireAdmin(principal);
    // The cursor is the last id of the previous page.
    if (cursor !== undefined && !isUuid(cursor)) {
      throw new InvalidInputError('the cursor is not one this API gave', [{ field: 'cursor', message: 'must be the nextCursor of a previous page' }]);
    }
    // One more than asked for tells whether another page follows.
    const found = await this.endpoints.page(this.em.fork(), scopeOf(principal), cursor, limit + 1);
    const items = found.slice(0, limit);
    return { items: items.map(viewOf), nextCursor: found.length > limit ? (items.at(-1)?.id ?? null) : null };
  }
}
