import { ComplaintNotifications, ListNotificationsRequest } from '@complaints/contracts';
import { ForbiddenError } from '@complaints/domain';
import { PolicyCatalog } from '@complaints/policy-catalog';
import { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable } from '@nestjs/common';
import { COMPLAINT_HISTORY, ComplaintHistoryRepository } from './complaint-history';
import { DELIVERIES, DeliveryRepository } from './delivery';
import { notificationViewOf } from './notification-view';
import { requireVisibleComplaint } from './visible-complaint';

/** Every message about a complaint, oldest first, to those who may see the complaint. */
@Injectable()
export class ListNotifications {
  constructor(
    private readonly em: EntityManager,
    @Inject(COMPLAINT_HISTORY) private readonly history: ComplaintHistoryRepository,
    @Inject(DELIVERIES) private readonly deliveries: DeliveryRepository,
    private readonly policies: PolicyCatalog,
  ) {}

  async execute(request: ListNotificationsRequest): Promise<ComplaintNotifications> {
    // Messages are agents' business (and admins', who retry them): the gateway says so too.
    if (request.principal.role !== 'agent' && request.principal.role !== 'admin') {
      throw new ForbiddenError('only agents and admins read notifications');
    }
    const em = this.em.fork();
    await requireVisibleComplaint(em, this.history, this.policies, request.principal, request.complaintId);
    const deliveries = await this.deliveries.listFor(em, request.complaintId);
    return { complaintId: request.complaintId, items: deliveries.map(notificationViewOf) };
  }
}
