import { UnitOfWork } from '@complaints/messaging';
import { PersonalDataCipher, PersonalDataDecryptionError } from '@complaints/persistence';
import { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable } from '@nestjs/common';
import { AttemptOutcome } from './attempt-outcome';
import { EndpointAddressGuard } from './endpoint-address-guard';
import { recordOfAttempt } from './next-attempt';
import { postWebhook } from './post-webhook';
import { WEBHOOK_CONFIG, WebhookConfig } from './webhook-config';
import { DueWebhookDelivery, WEBHOOK_DELIVERIES, WebhookDeliveryRepository } from './webhook-delivery';
import { secretContext } from './webhook-endpoint';
import { announceWebhookOutcome } from './announce-webhook-outcome';
import { signedHeaders } from './webhook-signature';

/** Deliveries attempted at once: enough for a burst, few enough that one slow endpoint holds up little. */
const BATCH = 20;
/** A claim outlives the attempt's timeout by this much, so an attempt still running is never claimed twice. */
const LEASE_MARGIN_MS = 30_000;

/**
 * Attempts every due delivery, signed, and records what each came to with the event that
 * announces it (webhook.delivered, or webhook.failed for a dead one) in one transaction.
 * Resolves to how many it attempted.
 */
@Injectable()
export class SendDueWebhooks {
  constructor(
    private readonly em: EntityManager,
    private readonly unitOfWork: UnitOfWork,
    @Inject(WEBHOOK_DELIVERIES) private readonly deliveries: WebhookDeliveryRepository,
    private readonly guard: EndpointAddressGuard,
    private readonly cipher: PersonalDataCipher,
    @Inject(WEBHOOK_CONFIG) private readonly config: WebhookConfig,
  ) {}

  async execute(): Promise<number> {
    let attempted = 0;
    for (;;) {
      const due = await this.deliveries.claimDue(this.em.fork(), BATCH, this.config.timeoutMs + LEASE_MARGIN_MS);
      await Promise.all(due.map((delivery) => this.attempt(delivery)));
      attempted += due.length;
      if (due.length < BATCH) return attempted;
    }
  }

  private async attempt(delivery: DueWebhookDelivery): Promise<void> {
    const outcome = await this.post(delivery);
    const now = new Date();
    const record = recordOfAttempt(outcome, delivery.attemptsMade + 1, this.config.retrySchedule, now, Math.random);
    await this.unitOfWork.run(async (tx, events) => {
      // Not pending any more (an admin's retry raced a lease that ran out): the attempt settles nothing.
      const recorded = await this.deliveries.record(tx, delivery.id, record);
      if (recorded) await announceWebhookOutcome(events, delivery, record, now);
    });
  }

  private async post(delivery: DueWebhookDelivery): Promise<AttemptOutcome> {
    let secret: string;
    try {
      secret = this.cipher.decrypt(delivery.secret, secretContext(delivery.endpointId));
    } catch (error) {
      // Its key left PII_ENCRYPTION_KEYS: no attempt can ever be signed again.
      if (error instanceof PersonalDataDecryptionError) return { kind: 'permanent', statusCode: null, error: 'the signing secret cannot be opened' };
      throw error;
    }
    const headers = signedHeaders(secret, delivery.id, new Date(), delivery.payload);
    return postWebhook({ url: delivery.url, headers, body: delivery.payload }, this.guard, this.config.timeoutMs);
  }
}
