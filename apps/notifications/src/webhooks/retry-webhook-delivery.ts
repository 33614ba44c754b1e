import { RetryWebhookDeliveryRequest, WebhookDeliveryView } from '@complaints/contracts';
import { ConflictError, NotFoundError } from '@complaints/domain';
import { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable } from '@nestjs/common';
import { requireAdmin, visibleEndpoint } from './endpoint-access';
import { WEBHOOK_DELIVERIES, WebhookDeliveryRepository } from './webhook-delivery';
import { WEBHOOK_ENDPOINTS, WebhookEndpointRepository } from './webhook-endpoint';
import { WebhookSender } from './webhook-sender';

/**
 * An admin sends a dead delivery again (the endpoint is fixed, its certificate renewed…): the
 * same body and `webhook-id`, so a receiver that did get it after all can tell; a fresh retry
 * schedule; the first attempt at once.
 */
@Injectable()
export class RetryWebhookDelivery {
  constructor(
    private readonly em: EntityManager,
    @Inject(WEBHOOK_ENDPOINTS) private readonly endpoints: WebhookEndpointRepository,
    @Inject(WEBHOOK_DELIVERIES) private readonly deliveries: WebhookDeliveryRepository,
    private readonly sender: WebhookSender,
  ) {}

  async execute({ principal, endpointId, deliveryId }: RetryWebhookDeliveryRequest): Promise<WebhookDeliveryView> {
    requireAdmin(principal);
    const revived = await this.em.fork().transactional(async (tx) => {
      visibleEndpoint(principal, endpointId, await this.endpoints.find(tx, endpointId));
      const delivery = await this.deliveries.lock(tx, endpointId, deliveryId);
      if (!delivery) throw new NotFoundError(`webhook delivery ${deliveryId}`);
      if (delivery.status !== 'dead') {
        throw new ConflictError(`webhook delivery ${deliveryId} is ${delivery.status}: only a dead one can be retried`);
      }
      return this.deliveries.revive(tx, deliveryId);
    });
    this.sender.wake();
    return revived;
  }
}
