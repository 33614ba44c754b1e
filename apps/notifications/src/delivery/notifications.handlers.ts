import {
  ComplaintNotifications,
  ListNotificationsRequest,
  NotificationRequests,
  NotificationView,
  RetryNotificationRequest,
} from '@complaints/contracts';
import { Answers } from '@complaints/messaging';
import { Controller } from '@nestjs/common';
import { ListNotifications } from './list-notifications';
import { RetryNotification } from './retry-notification';

/** What the gateway asks of notifications. */
@Controller()
export class NotificationsHandlers {
  constructor(
    private readonly listNotifications: ListNotifications,
    private readonly retryNotification: RetryNotification,
  ) {}

  @Answers(NotificationRequests.listNotifications)
  list(request: ListNotificationsRequest): Promise<ComplaintNotifications> {
    return this.listNotifications.execute(request);
  }

  @Answers(NotificationRequests.retryNotification)
  retry(request: RetryNotificationRequest): Promise<NotificationView> {
    return this.retryNotification.execute(request);
  }
}
