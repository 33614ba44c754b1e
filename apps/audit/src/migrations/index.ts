import { Migration0001Initial } from './migration-0001-initial';

export const AUDIT_MIGRATIONS = [Migration0001Initial];
