import { Migration0001Initial } from './migration-0001-initial';

export const NOTIFICATIONS_MIGRATIONS = [Migration0001Initial];
