import { WEBHOOK_EVENT_STREAMS, EVENT_CATALOGUE } from '@complaints/contracts';
import { EventConsumerHost } from '@complaints/messaging';
import { PersonalDataCipher } from '@complaints/persistence';
import { PolicyCatalog } from '@complaints/policy-catalog';
import { DynamicModule, Module, OnModuleInit } from '@nestjs/common';
import { DeleteWebhookEndpoint } from './delete-webhook-endpoint';
import { EndpointAddressGuard } from './endpoint-address-guard';
import { GetWebhookEndpoint } from './get-webhook-endpoint';
import { ListWebhookDeliveries } from './list-webhook-deliveries';
import { ListWebhookEndpoints } from './list-webhook-endpoints';
import { POLICY_ORGANISATIONS, PolicyOrganisations, QueueWebhookDeliveries } from './queue-webhook-deliveries';
import { RegisterWebhookEndpoint } from './register-webhook-endpoint';
import { RetryWebhookDelivery } from './retry-webhook-delivery';
import { SendDueWebhooks } from './send-due-webhooks';
import { SqlWebhookDeliveryRepository } from './sql-webhook-delivery.repository';
import { SqlWebhookEndpointRepository } from './sql-webhook-endpoint.repository';
import { WEBHOOK_CONFIG, WebhookConfig } from './webhook-config';
import { WEBHOOK_DELIVERIES } from './webhook-delivery';
import { WEBHOOK_ENDPOINTS } from './webhook-endpoint';
import { WebhookEventsConsumer } from './webhook-events.consumer';
import { WebhookSender } from './webhook-sender';
import { WebhooksHandlers } from './webhooks.handlers';

function policyOrganisations(catalog: PolicyCatalog): PolicyOrganisations {
  return {
    organisationOf: (policyId, policyVersion) => {
      const policy = catalog.registry.get(policyId, policyVersion);
      return policy && (policy.organisationId ?? null);
    },
  };
}

/** Signed webhooks: endpoints admins register, deliveries queued from events, and the sender. */
@Module({})
export class WebhooksModule implements OnModuleInit {
  static forRoot(config: WebhookConfig): DynamicModule {
    return {
      module: WebhooksModule,
      controllers: [WebhooksHandlers],
      providers: [
        { provide: WEBHOOK_CONFIG, useValue: config },
        { provide: PersonalDataCipher, useValue: new PersonalDataCipher(config.secretKeys) },
        { provide: EndpointAddressGuard, useValue: new EndpointAddressGuard(config.allowPrivateUrls) },
        { provide: POLICY_ORGANISATIONS, useFactory: policyOrganisations, inject: [PolicyCatalog] },
        { provide: WEBHOOK_ENDPOINTS, useClass: SqlWebhookEndpointRepository },
        { provide: WEBHOOK_DELIVERIES, useClass: SqlWebhookDeliveryRepository },
        RegisterWebhookEndpoint,
        ListWebhookEndpoints,
        GetWebhookEndpoint,
        DeleteWebhookEndpoint,
        ListWebhookDeliveries,
        RetryWebhookDelivery,
        QueueWebhookDeliveries,
        SendDueWebhooks,
        WebhookSender,
      ],
    };
  }

  constructor(
    private readonly consumers: EventConsumerHost,
    private readonly queue: QueueWebhookDeliveries,
    private readonly sender: WebhookSender,
  ) {}

  onModuleInit(): void {
    for (const stream of WEBHOOK_EVENT_STREAMS) {
      this.consumers.register(new WebhookEventsConsumer(stream, EVENT_CATALOGUE, this.queue, () => this.sender.wake()));
    }
  }
}
