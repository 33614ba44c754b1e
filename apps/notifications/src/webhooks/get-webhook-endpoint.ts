import { WebhookEndpointRequest, WebhookEndpointView } from '@complaints/contracts';
import { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable } from '@nestjs/common';
import { requireAdmin, visibleEndpoint } from './endpoint-access';
import { WEBHOOK_ENDPOINTS, WebhookEndpointRepository, viewOf } from './webhook-endpoint';

@Injectable()
export class GetWebhookEndpoint {
  constructor(
    private readonly em: EntityManager,
    @Inject(WEBHOOK_ENDPOINTS) private readonly endpoints: WebhookEndpointRepository,
  ) {}

  async execute({ principal, endpointId }: WebhookEndpointRequest): Promise<WebhookEndpointView> {
    requireAdmin(principal);
    return viewOf(visibleEndpoint(principal, endpointId, await this.endpoints.find(this.em.fork(), endpointId)));
  }
}
