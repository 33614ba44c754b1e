import { ListWebhookDeliveriesRequest, WebhookDeliveryView } from '@complaints/contracts';
import { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable } from '@nestjs/common';
import { requireAdmin, visibleEndpoint } from './endpoint-access';
import { WEBHOOK_DELIVERIES, WebhookDeliveryRepository } from './webhook-delivery';
import { WEBHOOK_ENDPOINTS, WebhookEndpointRepository } from './webhook-endpoint';

/** An endpoint's recent deliveries, for its admin to see what arrived and what failed. */
@Injectable()
export class ListWebhookDeliveries {
  constructor(
    private readonly em: EntityManager,
    @Inject(WEBHOOK_ENDPOINTS) private readonly endpoints: WebhookEndpointRepository,
    @Inject(WEBHOOK_DELIVERIES) private readonly deliveries: WebhookDeliveryRepository,
  ) {}

  async execute({ principal, endpointId, limit }: ListWebhookDeliveriesRequest): Promise<{ items: WebhookDeliveryView[] }> {
    requireAdmin(principal);
    const em = this.em.fork();
    visibleEndpoint(principal, endpointId, await this.endpoints.find(em, endpointId));
    return { items: await this.deliveries.recent(em, endpointId, limit) };
  }
}
