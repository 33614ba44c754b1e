import {
  ListWebhookDeliveriesRequest,
  ListWebhookEndpointsRequest,
  RegisterWebhookEndpointRequest,
  RegisteredWebhookEndpoint,
  RetryWebhookDeliveryRequest,
  WebhookDeliveryView,
  WebhookEndpointPage,
  WebhookEndpointRequest,
  WebhookEndpointView,
  WebhookRequests,
} from '@complaints/contracts';
import { Answers } from '@complaints/messaging';
import { Controller } from '@nestjs/common';
import { DeleteWebhookEndpoint } from './delete-webhook-endpoint';
import { GetWebhookEndpoint } from './get-webhook-endpoint';
import { ListWebhookDeliveries } from './list-webhook-deliveries';
import { ListWebhookEndpoints } from './list-webhook-endpoints';
import { RegisterWebhookEndpoint } from './register-webhook-endpoint';
import { RetryWebhookDelivery } from './retry-webhook-delivery';

/** The webhook administration requests the gateway forwards: each calls one use case. */
@Controller()
export class WebhooksHandlers {
  constructor(
    private readonly registerEndpoint: RegisterWebhookEndpoint,
    private readonly listEndpoints: ListWebhookEndpoints,
    private readonly getEndpoint: GetWebhookEndpoint,
    private readonly deleteEndpoint: DeleteWebhookEndpoint,
    private readonly listDeliveries: ListWebhookDeliveries,
    private readonly retryWebhookDelivery: RetryWebhookDelivery,
  ) {}

  @Answers(WebhookRequests.register)
  register(request: RegisterWebhookEndpointRequest): Promise<RegisteredWebhookEndpoint> {
    return this.registerEndpoint.execute(request);
  }

  @Answers(WebhookRequests.list)
  list(request: ListWebhookEndpointsRequest): Promise<WebhookEndpointPage> {
    return this.listEndpoints.execute(request);
  }

  @Answers(WebhookRequests.get)
  get(request: WebhookEndpointRequest): Promise<WebhookEndpointView> {
    return this.getEndpoint.execute(request);
  }

  @Answers(WebhookRequests.delete)
  delete(request: WebhookEndpointRequest): Promise<{ id: string }> {
    return this.deleteEndpoint.execute(request);
  }

  @Answers(WebhookRequests.deliveries)
  deliveries(request: ListWebhookDeliveriesRequest): Promise<{ items: WebhookDeliveryView[] }> {
    return this.listDeliveries.execute(request);
  }

  @Answers(WebhookRequests.retryDelivery)
  retryDelivery(request: RetryWebhookDeliveryRequest): Promise<WebhookDeliveryView> {
    return this.retryWebhookDelivery.execute(request);
  }
}
