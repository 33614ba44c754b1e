import { Migration0001Initial } from './migration-0001-initial';
import { Migration0002Ladders } from './migration-0002-ladders';
import { Migration0003DisputeTracks } from './migration-0003-dispute-tracks';
import { Migration0004WithdrawnRaises } from './migration-0004-withdrawn-raises';
import { Migration0005WithdrawnBreaches } from './migration-0005-withdrawn-breaches';

/** Escalation's migrations, oldest first. */
export const ESCALATION_MIGRATIONS = [
  Migration0001Initial,
  Migration0002Ladders,
  Migration0003DisputeTracks,
  Migration0004WithdrawnRaises,
  Migration0005WithdrawnBreaches,
];
