import { Migration0001Initial } from './migration-0001-initial';
import { Migration0002Timers } from './migration-0002-timers';
import { Migration0003Clocks } from './migration-0003-clocks';
import { Migration0004EndedTimersIndex } from './migration-0004-ended-timers-index';

export const SLA_MIGRATIONS = [Migration0001Initial, Migration0002Timers, Migration0003Clocks, Migration0004EndedTimersIndex];
