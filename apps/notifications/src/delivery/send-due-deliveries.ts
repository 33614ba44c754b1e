import { NotificationFailedV1, NotificationSentV1 } from '@complaints/contracts';
import { UnitOfWork } from '@complaints/messaging';
import { SERVICE_CONFIG, SERVICE_LOGGER } from '@complaints/runtime';
import { Inject, Injectable } from '@nestjs/common';
import { Logger } from 'pino';
import { NotificationsConfig } from '../notifications-config';
import { outcomeOfFailure } from './attempt-outcome';
import { AttemptDelivery, AttemptOutcome } from './attempt-delivery';
import { AttemptResult, DELIVERIES, Delivery, DeliveryRepository } from './delivery';
import { NOTIFICATIONS_ACTOR } from './notifications-actor';

/** Deliveries taken per round trip; all of a batch are attempted at once over the mail pool. */
export const DELIVERY_BATCH = 50;
/** Longer than an attempt can take (SMTP timeouts included), so only a dead replica's deliveries come back. */
const LEASE_MS = 120_000;

/**
 * Attempts every delivery that is due: claims a batch, attempts each, then records each
 * outcome with its event (notification.sent, or notification.failed for a dead one) in one
 * transaction. Logs name the delivery and the error class, never an address or a word of the message.
 */
@Injectable()
export class SendDueDeliveries {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    @Inject(DELIVERIES) private readonly deliveries: DeliveryRepository,
    private readonly attempt: AttemptDelivery,
    @Inject(SERVICE_CONFIG) private readonly config: NotificationsConfig,
    @Inject(SERVICE_LOGGER) private readonly logger: Logger,
  ) {}

  /** Returns how many deliveries it attempted. */
  async execute(random: () => number = Math.random): Promise<number> {
    const claimed = await this.unitOfWork.run((tx) => this.deliveries.claimDue(tx, new Date(), LEASE_MS, DELIVERY_BATCH));
    await Promise.all(claimed.map((delivery) => this.attemptOne(delivery, random)));
    return claimed.length;
  }

  private async attemptOne(delivery: Delivery, random: () => number): Promise<void> {
    let outcome: AttemptOutcome;
    try {
      outcome = await this.attempt.execute(delivery);
    } catch (error) {
      // Unexpected (a policy version this replica does not know yet…): tried again on the schedule.
      this.logger.error({ err: error, deliveryId: delivery.id }, 'delivery attempt failed unexpectedly');
      outcome = { ok: false, errorClass: 'temporary', code: null, locale: null };
    }
    if (outcome.ok && outcome.overrideRejected) {
      this.logger.warn({ deliveryId: delivery.id, policyId: delivery.policyId, messageType: delivery.messageType }, "the policy's own text did not format; the built-in text was sent");
    }
    const now = new Date();
    const result: AttemptResult = outcome.ok
      ? { status: 'sent', locale: outcome.locale, at: now }
      : outcomeOfFailure(outcome, delivery.attempts, this.config.retrySchedule, now, random);
    if (result.status !== 'sent') {
      this.logger.info(
        { deliveryId: delivery.id, messageType: delivery.messageType, attempts: delivery.attempts, errorClass: result.errorClass, code: result.code, status: result.status },
        'delivery attempt failed',
      );
    }
    await this.unitOfWork.run(async (tx, events) => {
      await this.deliveries.recordAttempt(tx, delivery.id, result);
      const facts = {
        policyId: delivery.policyId,
        policyVersion: delivery.policyVersion,
        deliveryId: delivery.id,
        causeEventId: delivery.causeEventId,
        messageType: delivery.messageType,
        channel: delivery.channel,
        recipient: delivery.recipient.kind,
        attempts: delivery.attempts,
      };
      const envelope = { complaintId: delivery.complaintId, actor: NOTIFICATIONS_ACTOR, occurredAt: now };
      if (result.status === 'sent') {
        await events.publish(NotificationSentV1, { ...envelope, data: { ...facts, locale: result.locale, sentAt: now.toISOString() } });
      } else if (result.status === 'dead') {
        await events.publish(NotificationFailedV1, {
          ...envelope,
          data: { ...facts, locale: result.locale, errorClass: result.errorClass, failedAt: now.toISOString() },
        });
      }
    });
  }
}
