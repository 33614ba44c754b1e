import { Migration0001Initial } from './migration-0001-initial';
import { Migration0002Deliveries } from './migration-0002-deliveries';
import { Migration0003Webhooks } from './migration-0003-webhooks';

export const NOTIFICATIONS_MIGRATIONS = [Migration0001Initial, Migration0002Deliveries, Migration0003Webhooks];
