import { RegisterWebhookEndpointRequest, RegisteredWebhookEndpoint } from '@complaints/contracts';
import { InvalidInputError } from '@complaints/domain';
import { PersonalDataCipher } from '@complaints/persistence';
import { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable } from '@nestjs/common';
import { v7 as uuidv7 } from 'uuid';
import { EndpointAddressGuard } from './endpoint-address-guard';
import { ownerOfNewEndpoint, requireAdmin } from './endpoint-access';
import { WEBHOOK_ENDPOINTS, WebhookEndpoint, WebhookEndpointRepository, secretContext, viewOf } from './webhook-endpoint';
import { newSigningSecret } from './webhook-signature';

/** Registers an endpoint and gives its signing secret, this once: only its ciphertext is kept. */
@Injectable()
export class RegisterWebhookEndpoint {
  constructor(
    private readonly em: EntityManager,
    @Inject(WEBHOOK_ENDPOINTS) private readonly endpoints: WebhookEndpointRepository,
    private readonly guard: EndpointAddressGuard,
    private readonly cipher: PersonalDataCipher,
  ) {}

  async execute({ principal, endpoint: body }: RegisterWebhookEndpointRequest): Promise<RegisteredWebhookEndpoint> {
    requireAdmin(principal);
    const organisationId = ownerOfNewEndpoint(principal, body.organisationId);
    // Checked again at every delivery, at connection time: the name may resolve elsewhere by then.
    const refusal = await this.guard.refusal(new URL(body.url));
    if (refusal) throw new InvalidInputError(`the endpoint URL is refused: ${refusal}`, [{ field: 'url', message: refusal }]);
    const endpoint: WebhookEndpoint = {
      id: uuidv7(),
      organisationId,
      url: body.url,
      eventTypes: body.eventTypes,
      description: body.description ?? null,
      createdBy: principal.name,
      createdAt: new Date(),
    };
    const secret = newSigningSecret();
    await this.endpoints.insert(this.em.fork(), endpoint, this.cipher.encrypt(secret, secretContext(endpoint.id)));
    return { ...viewOf(endpoint), secret };
  }
}
