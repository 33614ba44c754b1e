import { launchService } from '@complaints/telemetry';
import { intakeEnvSchema, toIntakeConfig } from './intake-config';

launchService('intake', intakeEnvSchema, toIntakeConfig, async () => (await import('./intake-app.js')).startIntake);
