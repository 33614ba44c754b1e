import { NotificationView, RetryNotificationRequest } from '@complaints/contracts';
import { ConflictError, ForbiddenError, NotFoundError } from '@complaints/domain';
import { UnitOfWork } from '@complaints/messaging';
import { PolicyCatalog } from '@complaints/policy-catalog';
import { Inject, Injectable } from '@nestjs/common';
import { COMPLAINT_HISTORY, ComplaintHistoryRepository } from './complaint-history';
import { DELIVERIES, DeliveryRepository } from './delivery';
import { DeliveryWorker } from './delivery-worker';
import { notificationViewOf } from './notification-view';
import { requireVisibleComplaint } from './visible-complaint';

/** An admin sends a dead delivery again: a fresh schedule, its first attempt at once. */
@Injectable()
export class RetryNotification {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    @Inject(COMPLAINT_HISTORY) private readonly history: ComplaintHistoryRepository,
    @Inject(DELIVERIES) private readonly deliveries: DeliveryRepository,
    private readonly policies: PolicyCatalog,
    private readonly worker: DeliveryWorker,
  ) {}

  async execute(request: RetryNotificationRequest): Promise<NotificationView> {
    const { principal, complaintId, deliveryId } = request;
    const revived = await this.unitOfWork.run(async (tx) => {
      await requireVisibleComplaint(tx, this.history, this.policies, principal, complaintId);
      if (principal.role !== 'admin') throw new ForbiddenError('only an admin may retry a notification');
      const delivery = await this.deliveries.lock(tx, complaintId, deliveryId);
      if (!delivery) throw new NotFoundError(`notification ${deliveryId}`);
      if (delivery.status !== 'dead') {
        throw new ConflictError(`notification ${deliveryId} is ${delivery.status}: only a dead one can be retried`);
      }
      return this.deliveries.revive(tx, deliveryId, new Date());
    });
    this.worker.kick();
    return notificationViewOf(revived);
  }
}
