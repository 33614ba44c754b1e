import { Migration0001Initial } from './migration-0001-initial';
import { Migration0002Surveys } from './migration-0002-surveys';

export const FEEDBACK_MIGRATIONS = [Migration0001Initial, Migration0002Surveys];
