import { Migration0001Initial } from './migration-0001-initial';
import { Migration0003Webhooks } from './migration-0003-webhooks';

export const NOTIFICATIONS_MIGRATIONS = [Migration0001Initial, Migration0003Webhooks];
