import { Migration0001Initial } from './migration-0001-initial';
import { Migration0002Surveys } from './migration-0002-surveys';
import { Migration0003SupersededSurveys } from './migration-0003-superseded-surveys';

export const FEEDBACK_MIGRATIONS = [Migration0001Initial, Migration0002Surveys, Migration0003SupersededSurveys];
