import { launchService } from '@complaints/telemetry';
import { slaEnvSchema, toSlaConfig } from './sla-config';

launchService('sla', slaEnvSchema, toSlaConfig, async () => (await import('./sla-app.js')).startSla);
