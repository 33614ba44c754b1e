import { Migration0001Initial } from './migration-0001-initial';
import { Migration0002Register } from './migration-0002-register';
import { Migration0003Retention } from './migration-0003-retention';

export const AUDIT_MIGRATIONS = [Migration0001Initial, Migration0002Register, Migration0003Retention];
