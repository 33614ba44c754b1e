import { WebhookEndpointRequest } from '@complaints/contracts';
import { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable } from '@nestjs/common';
import { requireAdmin, visibleEndpoint } from './endpoint-access';
import { WEBHOOK_ENDPOINTS, WebhookEndpointRepository } from './webhook-endpoint';

/** Removes an endpoint with its secret; its deliveries not made yet are never made. */
@Injectable()
export class DeleteWebhookEndpoint {
  constructor(
    private readonly em: EntityManager,
    @Inject(WEBHOOK_ENDPOINTS) private readonly endpoints: WebhookEndpointRepository,
  ) {}

  async execute({ principal, endpointId }: WebhookEndpointRequest): Promise<{ id: string }> {
    requireAdmin(principal);
    const em = this.em.fork();
    visibleEndpoint(principal, endpointId, await this.endpoints.find(em, endpointId));
    await this.endpoints.delete(em, endpointId);
    return { id: endpointId };
  }
}
