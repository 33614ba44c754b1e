import { Migration0001Initial } from './migration-0001-initial';

export const SLA_MIGRATIONS = [Migration0001Initial];
