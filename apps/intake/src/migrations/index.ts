import { Migration0001Initial } from './migration-0001-initial';

/** Intake's migrations, oldest first. */
export const INTAKE_MIGRATIONS = [Migration0001Initial];
