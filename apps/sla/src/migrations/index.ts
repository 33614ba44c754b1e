import { Migration0001Initial } from './migration-0001-initial';
import { Migration0002Timers } from './migration-0002-timers';

export const SLA_MIGRATIONS = [Migration0001Initial, Migration0002Timers];
