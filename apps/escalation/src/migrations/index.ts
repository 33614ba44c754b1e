import { Migration0001Initial } from './migration-0001-initial';
import { Migration0002Ladders } from './migration-0002-ladders';
import { Migration0003DisputeTracks } from './migration-0003-dispute-tracks';

/** Escalation's migrations, oldest first. */
export const ESCALATION_MIGRATIONS = [Migration0001Initial, Migration0002Ladders, Migration0003DisputeTracks];
